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
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.identity.ApiTokenRow;
import org.researchportal.identity.ApiTokenService;

/** A person's API tokens for the data exports: make one for one of their roles, see when each was used, revoke. */
@Route("api-tokens")
@Menu(order = 81, icon = "KEY", title = "menu.api-tokens")
@RolesAllowed({Roles.CLINICIAN, Roles.ASSESSOR})
final class ApiTokensView extends Main implements HasDynamicTitle {

    private final ApiTokenService tokens;
    private final Grid<ApiTokenRow> grid = new Grid<>();

    ApiTokensView(ApiTokenService tokens) {
        this.tokens = tokens;
        addClassName("portal-view");
        var name = new TextField(getTranslation("api-token.name"));
        var role = new Select<PortalRole>();
        role.setLabel(getTranslation("api-token.role"));
        role.setItems(CurrentUser.require().roles().stream().filter(ApiTokenService.API_ROLES::contains).toList());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.getListDataView().getItems().findFirst().ifPresent(role::setValue);
        var create = new Button(getTranslation("api-token.create"), e -> {
            try {
                String secret = tokens.create(name.getValue(), role.getValue());
                name.clear();
                FieldErrors.clear(Map.of("name", name));
                refresh();
                showOnce(secret);
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, Map.of("name", name, "role", role));
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(name, role, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(ApiTokenRow::name).setHeader(getTranslation("api-token.name")).setAutoWidth(true);
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
                new Section(getTranslation("api-token.new"), form), new Section(getTranslation("api-token.mine"),
                        grid));
    }

    private void refresh() {
        grid.setItems(tokens.myTokens());
    }

    private void showOnce(String secret) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("api-token.secret-title"));
        var value = new TextField();
        value.setValue(secret);
        value.setReadOnly(true);
        value.setWidthFull();
        dialog.add(new Paragraph(getTranslation("api-token.secret-once")), value);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.setWidth("36rem");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.api-tokens");
    }
}
