package org.researchportal.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.researchportal.base.PublicAddress;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.identity.ApiTokenKind;
import org.researchportal.identity.ApiTokenRow;
import org.researchportal.identity.ApiTokenService;

/**
 * A person's API tokens: a bearer token for the data exports, or a REDCap token for one study; made for one of their
 * roles, listed with when each was used, revoked.
 */
@Route("api-tokens")
@Menu(order = 81, icon = "KEY", title = "menu.api-tokens")
@RolesAllowed({Roles.CLINICIAN, Roles.ASSESSOR})
final class ApiTokensView extends Main implements HasDynamicTitle {

    private final ApiTokenService tokens;
    private final PublicAddress address;
    private final Grid<ApiTokenRow> grid = new Grid<>();

    ApiTokensView(ApiTokenService tokens, PublicAddress address) {
        this.tokens = tokens;
        this.address = address;
        addClassName("portal-view");
        var name = new TextField(getTranslation("api-token.name"));
        Map<String, String> studies = tokens.tokenStudies();
        var kind = new Select<ApiTokenKind>();
        kind.setLabel(getTranslation("api-token.kind"));
        kind.setItems(ApiTokenKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(ApiTokenKind.BEARER);
        var study = new Select<String>();
        study.setLabel(getTranslation("api-token.study"));
        study.setItems(studies.keySet());
        study.setItemLabelGenerator(id -> studies.getOrDefault(id, id));
        studies.keySet().stream().findFirst().ifPresent(study::setValue);
        study.setVisible(false);
        kind.addValueChangeListener(e -> study.setVisible(e.getValue() == ApiTokenKind.REDCAP));
        var role = new Select<PortalRole>();
        role.setLabel(getTranslation("api-token.role"));
        role.setItems(CurrentUser.require().roles().stream().filter(ApiTokenService.API_ROLES::contains).toList());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.getListDataView().getItems().findFirst().ifPresent(role::setValue);
        var create = new Button(getTranslation("api-token.create"), e -> {
            try {
                boolean redcap = kind.getValue() == ApiTokenKind.REDCAP;
                String secret = redcap ? tokens.createRedcap(name.getValue(), role.getValue(), study.getValue())
                        : tokens.create(name.getValue(), role.getValue());
                name.clear();
                FieldErrors.clear(Map.of("name", name, "study", study));
                refresh();
                showOnce(secret, redcap);
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, Map.of("name", name, "role", role, "study", study));
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(name, kind, role, study, create);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(ApiTokenRow::name).setHeader(getTranslation("api-token.name")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation(t.kind().messageKey()) + (t.studyId() == null ? ""
                : " · " + studies.getOrDefault(t.studyId(), ""))).setHeader(getTranslation("api-token.kind"))
                .setAutoWidth(true);
        grid.addColumn(t -> getTranslation(t.role().messageKey())).setHeader(getTranslation("api-token.role"));
        grid.addColumn(t -> Formats.dateTime(t.createdAt(), CurrentUser.require().zone(), getLocale()))
                .setHeader(getTranslation("api-token.created")).setAutoWidth(true);
        grid.addColumn(t -> Formats.dateTime(t.lastUsedAt(), CurrentUser.require().zone(), getLocale()))
                .setHeader(getTranslation("api-token.last-used")).setAutoWidth(true);
        grid.addComponentColumn(t -> t.revokedAt() != null ? new Paragraph(getTranslation("api-token.revoked"))
                : new Button(getTranslation("api-token.revoke"), e -> {
                    tokens.revoke(t.id());
                    refresh();
                })).setKey("actions").setHeader(getTranslation("users.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        refresh();
        add(new ViewToolbar(getTranslation("menu.api-tokens")), new Paragraph(getTranslation("api-token.explain")),
                new Paragraph(getTranslation("api-token.explain.redcap")),
                new Section(getTranslation("api-token.new"), form), new Section(getTranslation("api-token.mine"),
                        grid));
    }

    private void refresh() {
        grid.setItems(tokens.myTokens());
    }

    private void showOnce(String secret, boolean redcap) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("api-token.secret-title"));
        var value = new TextField();
        value.setValue(secret);
        value.setReadOnly(true);
        value.setWidthFull();
        dialog.add(new Paragraph(getTranslation("api-token.secret-once")), value);
        if (redcap) {
            // REDCap's clients want the API's address ending in /api/ (PyCap checks it).
            var url = new TextField(getTranslation("api-token.redcap-url"));
            url.setValue(address.base() + "/redcap/api/");
            url.setReadOnly(true);
            url.setWidthFull();
            dialog.add(url);
        }
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.setWidth("36rem");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.api-tokens");
    }
}
