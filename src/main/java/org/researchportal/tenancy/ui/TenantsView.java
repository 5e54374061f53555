package org.researchportal.tenancy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.tenancy.FirstAdministrators;
import org.researchportal.tenancy.Tenant;
import org.researchportal.tenancy.TenantArchive;
import org.researchportal.tenancy.TenantService;

/** The platform administrator's dashboard: the tenants of this installation, and a form to add one. */
@Route("platform/tenants")
@Menu(order = 70, icon = "BUILDING", title = "menu.tenants")
@RolesAllowed(Roles.PLATFORM_ADMIN)
final class TenantsView extends Main implements HasDynamicTitle {

    TenantsView(TenantService tenants, TenantArchive archive, FirstAdministrators firstAdministrators) {
        boolean oidc = firstAdministrators.identityProviderOwnsAccounts();
        addClassName("portal-view");
        var grid = new Grid<Tenant>();
        grid.addColumn(t -> t.name(getLocale())).setHeader(getTranslation("tenant.name")).setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(Tenant::id).setHeader(getTranslation("tenant.code")).setAutoWidth(true);
        grid.addColumn(Tenant::timeZone).setHeader(getTranslation("tenant.timezone")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation(t.active() ? "tenant.active" : "tenant.inactive"))
                .setHeader(getTranslation("tenant.state")).setAutoWidth(true);
        // The day is enough here, and leaves the actions room on a laptop's screen.
        grid.addColumn(t -> Formats.date(t.createdAt().atZone(CurrentUser.require().zone()).toLocalDate(),
                getLocale())).setHeader(getTranslation("tenant.created")).setAutoWidth(true);
        grid.setItems(tenants.tenants());
        grid.setAllRowsVisible(true);

        grid.addComponentColumn(t -> actions(tenants, t, oidc, () -> grid.setItems(tenants.tenants())))
                .setHeader(getTranslation("tenant.actions")).setAutoWidth(true).setFlexGrow(0).setKey("actions");
        var form = new NewTenantForm(tenants, oidc, t -> grid.setItems(tenants.tenants()));

        add(new ViewToolbar(getTranslation("menu.tenants")), new Section(getTranslation("tenant.list"), grid),
                new Section(getTranslation("tenant.new"), form), new Section(getTranslation("archive.import"),
                        new TenantImportForm(archive, () -> grid.setItems(tenants.tenants()))));
    }

    /** Edit, and suspend or reactivate: a suspended tenant's people cannot sign in and its scheduled work stops. */
    private HorizontalLayout actions(TenantService tenants, Tenant tenant, boolean oidc, Runnable changed) {
        var edit = new Button(getTranslation("tenant.edit.action"), e -> new TenantDialog(tenants, tenant, changed)
                .open());
        var toggle = new Button(getTranslation(tenant.active() ? "tenant.suspend" : "tenant.reactivate"), e -> {
            tenants.setActive(tenant.id(), !tenant.active());
            changed.run();
            Notification.show(getTranslation(tenant.active() ? "tenant.suspended-message"
                    : "tenant.reactivated-message", tenant.name()));
        });
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        edit.getElement().setAttribute("aria-label", getTranslation("tenant.edit", tenant.id()));
        var actions = new HorizontalLayout(edit, toggle);
        if (!oidc) {
            // The first administrator's link lost or run out before they set a password: a new one, shown once.
            var renew = new Button(getTranslation("tenant.admin.renew"), e -> showRenewedLink(tenants, tenant));
            renew.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(renew);
        }
        return actions;
    }

    private void showRenewedLink(TenantService tenants, Tenant tenant) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("tenant.admin.renew"));
        tenants.renewAdministratorLink(tenant.id()).ifPresentOrElse(renewed -> {
            var link = new TextField(getTranslation("tenant.admin.link"));
            link.setValue(renewed.link());
            link.setReadOnly(true);
            link.setWidthFull();
            dialog.add(new Paragraph(getTranslation("tenant.admin.link-once", renewed.username())), link);
        }, () -> dialog.add(new Paragraph(getTranslation("tenant.admin.none-waiting"))));
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.tenants");
    }
}
