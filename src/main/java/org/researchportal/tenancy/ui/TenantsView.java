package org.researchportal.tenancy.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.tenancy.Tenant;
import org.researchportal.tenancy.TenantArchive;
import org.researchportal.tenancy.TenantService;

/** The platform administrator's dashboard: the tenants of this installation, and a form to add one. */
@Route("platform/tenants")
@Menu(order = 70, icon = "BUILDING", title = "menu.tenants")
@RolesAllowed(Roles.PLATFORM_ADMIN)
final class TenantsView extends Main implements HasDynamicTitle {

    TenantsView(TenantService tenants, TenantArchive archive) {
        addClassName("portal-view");
        var grid = new Grid<Tenant>();
        grid.addColumn(t -> t.name(getLocale())).setHeader(getTranslation("tenant.name")).setFlexGrow(1);
        grid.addColumn(Tenant::id).setHeader(getTranslation("tenant.code")).setAutoWidth(true);
        grid.addColumn(Tenant::timeZone).setHeader(getTranslation("tenant.timezone")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation(t.active() ? "tenant.active" : "tenant.inactive"))
                .setHeader(getTranslation("tenant.state"));
        grid.addColumn(t -> Formats.dateTime(t.createdAt(), CurrentUser.require().zone(), getLocale()))
                .setHeader(getTranslation("tenant.created")).setAutoWidth(true);
        grid.setItems(tenants.tenants());
        grid.setAllRowsVisible(true);

        var code = new TextField(getTranslation("tenant.code"));
        code.setMaxLength(Tenant.CODE_MAX_LENGTH);
        code.setHelperText(getTranslation("tenant.code.help"));
        var name = new TextField(getTranslation("tenant.name"));
        name.setMaxLength(Tenant.NAME_MAX_LENGTH);
        var nameZh = new TextField(getTranslation("tenant.name-zh"));
        nameZh.setMaxLength(Tenant.NAME_MAX_LENGTH);
        var timeZone = new ComboBox<String>(getTranslation("tenant.timezone"));
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        timeZone.setValue("Asia/Shanghai");
        Map<String, HasValidation> fields = Map.of("code", code, "name", name, "timeZone", timeZone, "nameZh",
                nameZh);
        var create = new Button(getTranslation("action.create"), e -> {
            try {
                Tenant tenant = tenants.create(code.getValue(), name.getValue(),
                        timeZone.getValue() == null ? "" : timeZone.getValue());
                if (!nameZh.getValue().isBlank()) {
                    tenants.nameInChinese(tenant.id(), nameZh.getValue());
                }
                grid.setItems(tenants.tenants());
                nameZh.clear();
                code.clear();
                name.clear();
                FieldErrors.clear(fields);
                Notification.show(getTranslation("tenant.created-message", tenant.name()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(code, name, nameZh, timeZone, create);

        add(new ViewToolbar(getTranslation("menu.tenants")), new Section(getTranslation("tenant.list"), grid),
                new Section(getTranslation("tenant.new"), form), new Section(getTranslation("archive.import"),
                        new TenantImportForm(archive, () -> grid.setItems(tenants.tenants()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.tenants");
    }
}
