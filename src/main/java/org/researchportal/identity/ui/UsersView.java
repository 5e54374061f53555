package org.researchportal.identity.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.identity.AccountRow;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.IdentityProperties;

/** The tenant administrator's dashboard: the tenant's accounts and their roles (create, assign, deactivate). */
@Route("admin/users")
@Menu(order = 60, icon = "USERS", title = "menu.users")
@RolesAllowed(Roles.TENANT_ADMIN)
final class UsersView extends Main implements HasDynamicTitle {

    private final AccountService accounts;
    private final Grid<AccountRow> grid = new Grid<>();
    private final boolean localSignIn;

    UsersView(AccountService accounts, IdentityProperties settings) {
        this.accounts = accounts;
        this.localSignIn = !settings.identityProviderOwnsAccounts();
        addClassName("portal-view");

        var create = new Button(getTranslation("users.new"), e -> new NewAccountDialog(accounts, localSignIn,
                grid.getDataProvider()::refreshAll).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // With OpenID Connect, accounts come from the identity provider at first sign-in.
        create.setVisible(localSignIn);

        grid.addColumn(AccountRow::username).setHeader(getTranslation("account.username")).setAutoWidth(true);
        grid.addColumn(AccountRow::displayName).setHeader(getTranslation("account.display-name")).setAutoWidth(true);
        grid.addColumn(r -> r.roles().stream().sorted().map(role -> getTranslation(role.messageKey()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("account.roles")).setAutoWidth(true);
        grid.addColumn(this::state).setHeader(getTranslation("account.state")).setAutoWidth(true);
        grid.addColumn(r -> Formats.dateTime(r.lastSignInAt(), CurrentUser.require().zone(), getLocale()))
                .setHeader(getTranslation("account.last-sign-in")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("users.actions")).setAutoWidth(true)
                .setFlexGrow(0).setKey("actions");
        grid.setItems(query -> accounts.accounts(toSpringPageRequest(query)).stream());
        grid.addClassName("portal-grid");

        add(new ViewToolbar(getTranslation("menu.users"), create),
                new Section(getTranslation("users.in-tenant"), grid));
        if (!localSignIn) {
            add(new Span(getTranslation("users.oidc-note")));
        }
    }

    private String state(AccountRow row) {
        if (!row.active()) {
            return getTranslation("account.state.deactivated");
        }
        return getTranslation(row.locked() ? "account.state.locked" : "account.state.active");
    }

    private Component actions(AccountRow row) {
        var roles = new Button(getTranslation("users.edit-roles"),
                e -> new RolesDialog(accounts, row, grid.getDataProvider()::refreshAll).open());
        roles.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        roles.setEnabled(localSignIn);
        var toggle = new Button(getTranslation(row.active() ? "users.deactivate" : "users.reactivate"), e -> {
            try {
                accounts.setActive(row.id(), !row.active());
                grid.getDataProvider().refreshAll();
            } catch (ValidationException refusal) {
                refusal.fieldMessageKeys().values().forEach(key -> Notification.show(getTranslation(key)));
            }
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var actions = new HorizontalLayout(roles, toggle);
        if (localSignIn && row.active() && !row.passwordSet() && !row.roles().contains(PortalRole.PARTICIPANT)) {
            // Someone without a password (brought in with an institution archive) sets their own on a link.
            var link = new Button(getTranslation("users.password-link"), e -> showPasswordLink(row));
            link.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(link);
        }
        return actions;
    }

    private void showPasswordLink(AccountRow row) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("users.password-link"));
        try {
            var issued = accounts.passwordLink(row.id());
            var link = new TextField(getTranslation("tenant.admin.link"));
            link.setValue(issued.link());
            link.setReadOnly(true);
            link.setWidthFull();
            dialog.add(new Paragraph(getTranslation("tenant.admin.link-once", issued.username())), link);
        } catch (ValidationException refusal) {
            refusal.fieldMessageKeys().values().forEach(key -> dialog.add(new Paragraph(getTranslation(key))));
        }
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.users");
    }
}
