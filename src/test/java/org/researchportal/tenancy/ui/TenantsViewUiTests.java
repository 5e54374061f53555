package org.researchportal.tenancy.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.PortalPrincipal;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountRow;
import org.researchportal.identity.AccountService;
import org.researchportal.tenancy.FirstAdministrator;
import org.researchportal.tenancy.TenantService;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The platform administrator lists, creates, edits and suspends tenants, each act in the tenant's own audit trail; a
 * new tenant's first administrator sets their own password on a one-time link.
 */
class TenantsViewUiTests extends UiTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AccountService accounts;
    @Autowired
    TenantService tenants;
    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    TenantSweeps sweeps;
    @LocalServerPort
    int port;

    @Test
    void createsATenantWithItsFirstAdministratorAndAuditsBothInThatTenant() throws Exception {
        signInToUi("platform.admin");
        UI.getCurrent().navigate("platform/tenants");
        Grid<?> grid = _get(Grid.class);
        assertThat(allCells(grid)).contains("Fudan University", "Lakeside Rehabilitation Centre");

        TextField code = _get(TextField.class, spec -> spec.withLabel("Code"));
        _setValue(code, "Bad Code");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Riverside Clinic");
        TextField username = _get(TextField.class, spec -> spec.withLabel("Administrator's username"));
        _setValue(username, "Not A Username");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Administrator's name")), "Rita River");
        _setValue(_get(EmailField.class, spec -> spec.withLabel("Administrator's email")), "rita@riverside.example");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(code.isInvalid()).isTrue();
        assertThat(username.isInvalid()).isTrue();
        assertThat(allCells(grid)).doesNotContain("Riverside Clinic");

        _setValue(code, "riverside");
        _setValue(username, "rita.river");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(code.isInvalid()).isFalse();
        assertThat(allCells(grid)).contains("Riverside Clinic", "riverside");
        String link = _get(TextField.class, spec -> spec.withLabel("Set-password link")).getValue();
        assertThat(link).startsWith("http://localhost:" + port + "/set-password/");
        assertThat(viewText()).contains("Hand this link to rita.river", "shown only now");

        var trail = asSystem("riverside", Set.of(PortalRole.TENANT_ADMIN), () -> audit.history("Tenant", "riverside"));
        assertThat(trail).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly(tuple("tenant.created", "platform.admin"));
        AccountRow admin = asSystem("riverside", Set.of(PortalRole.TENANT_ADMIN),
                () -> accounts.accounts(Pageable.ofSize(10)).getContent()).getFirst();
        assertThat(admin.username()).isEqualTo("rita.river");
        assertThat(admin.roles()).containsExactly(PortalRole.TENANT_ADMIN);
        assertThat(asSystem("riverside", Set.of(PortalRole.TENANT_ADMIN),
                () -> audit.history("Account", admin.id()))).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly(tuple("account.created", "platform.admin"));

        // The link went astray: the platform administrator makes a new one, and the first stops working.
        _click(rowButton("riverside", "New administrator link"));
        Dialog renewal = _get(Dialog.class);
        String renewed = _get(renewal, TextField.class, spec -> spec.withLabel("Set-password link")).getValue();
        assertThat(renewed).startsWith("http://localhost:" + port + "/set-password/").isNotEqualTo(link);
        renewal.close();

        // The first administrator opens the link, signed in as nobody, and sets their own password.
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> signInAs("rita.river", "rivers-and-bridges")).isInstanceOf(
                AuthenticationException.class);
        UI.getCurrent().navigate(link.substring(link.indexOf("/set-password/") + 1));
        assertThat(viewText()).contains("This link has been used or has expired");
        link = renewed;
        UI.getCurrent().navigate(link.substring(link.indexOf("/set-password/") + 1));
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "rivers-and-bridges");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat the password")), "rivers-and-bridges");
        _click(_get(Button.class, spec -> spec.withText("Set password")));
        assertThat(viewText()).contains("Your password is set");

        Authentication signedIn = signInAs("rita.river", "rivers-and-bridges");
        var user = ((PortalPrincipal) signedIn.getPrincipal()).portalUser();
        assertThat(user.tenantId()).isEqualTo("riverside");
        assertThat(user.roles()).containsExactly(PortalRole.TENANT_ADMIN);

        UI.getCurrent().navigate(link.substring(link.indexOf("/set-password/") + 1));
        assertThat(viewText()).contains("This link has been used or has expired");
        assertThat(_find(PasswordField.class)).isEmpty();

        signInToUi("platform.admin");
        UI.getCurrent().navigate("platform/tenants");
        _click(rowButton("riverside", "New administrator link"));
        assertThat(_get(Dialog.class).getElement().getTextRecursively()).contains("Nobody of this tenant is waiting");
    }

    @Test
    void editsSuspendsAndReactivatesATenantEachAuditedAndASuspendedTenantsPeopleCannotSignIn() throws Exception {
        signInToUi("platform.admin");
        String link = tenants.createWithAdministrator("harbour", "Harbour Hospital", "Asia/Shanghai",
                new FirstAdministrator("hana.harbour", "Hana Harbour", null)).setPasswordLink();
        SecurityContextHolder.clearContext();
        UI.getCurrent().navigate(link.substring(link.indexOf("/set-password/") + 1));
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "harbour-lights-1");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat the password")), "harbour-lights-1");
        _click(_get(Button.class, spec -> spec.withText("Set password")));
        assertThat(signInAs("hana.harbour", "harbour-lights-1").isAuthenticated()).isTrue();

        signInToUi("platform.admin");
        UI.getCurrent().navigate("platform/tenants");
        _click(harbourButton("Edit"));
        Dialog dialog = _get(Dialog.class);
        _setValue(_get(dialog, TextField.class, spec -> spec.withLabel("Name")), "Harbour General Hospital");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(allCells(_get(Grid.class))).contains("Harbour General Hospital").doesNotContain(
                "Harbour Hospital");

        _click(harbourButton("Suspend"));
        assertThat(allCells(_get(Grid.class))).contains("Suspended");
        assertThatThrownBy(() -> signInAs("hana.harbour", "harbour-lights-1")).isInstanceOf(
                AuthenticationException.class);
        assertThat(sweeps.inEachActiveTenant("suspension-test-" + UUID.randomUUID(), Set.of(), () -> 1))
                .as("scheduled work stops in a suspended tenant").doesNotContainKey("harbour").containsKey("fudan");

        _click(harbourButton("Reactivate"));
        assertThat(signInAs("hana.harbour", "harbour-lights-1").isAuthenticated()).isTrue();
        var trail = asSystem("harbour", Set.of(PortalRole.TENANT_ADMIN), () -> audit.history("Tenant", "harbour"));
        assertThat(trail).extracting(AuditEvent::getAction).containsExactly("tenant.reactivated",
                "tenant.suspended", "tenant.edited", "tenant.created");
        assertThat(trail).extracting(AuditEvent::getActor).containsOnly("platform.admin");
        var edited = trail.get(2);
        assertThat(edited.getBefore()).containsEntry("name", "Harbour Hospital");
        assertThat(edited.getAfter()).containsEntry("name", "Harbour General Hospital");
        assertThat(trail.get(1).getAfter()).containsEntry("active", false);
    }

    @Test
    void withOpenIdConnectTheFormSaysTheFirstAdministratorIsMadeInKeycloak() {
        signInToUi("platform.admin");
        var form = new NewTenantForm(tenants, true, t -> {});
        UI.getCurrent().add(form);
        assertThat(form.getElement().getTextRecursively()).contains("Keycloak", "tenant-admin");
        assertThat(_find(form, TextField.class, spec -> spec.withLabel("Administrator's username"))).isEmpty();
    }

    @Test
    void aTenantCodeIsTakenOnlyOnce() {
        signInToUi("platform.admin");
        UI.getCurrent().navigate("platform/tenants");
        TextField code = _get(TextField.class, spec -> spec.withLabel("Code"));
        _setValue(code, "fudan");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Impostor");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Administrator's username")), "impostor.admin");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Administrator's name")), "Imp Ostor");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(code.getErrorMessage()).isEqualTo("This code is already used by another tenant.");
        assertThat(allCells(_get(Grid.class))).doesNotContain("Impostor");
    }

    @Test
    void aTenantAdministratorDownloadsTheArchiveAndThePlatformAdministratorCanImportOne() {
        signInToUi("lakeside.admin");
        UI.getCurrent().navigate("admin/archive");
        assertThat(viewText()).contains("Export the whole institution", "PORTAL_SECRETS_PREVIOUS_KEYS");
        var link = _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText(
                "Download the institution archive"));
        assertThat(link.getHref()).isNotBlank();
        assertThat(link.getElement().hasAttribute("download")).isTrue();

        signInToUi("platform.admin");
        UI.getCurrent().navigate("platform/tenants");
        assertThat(viewText()).contains("Import an institution",
                "its signature verifies with a key this installation holds", "otherwise nothing is written");
        assertThat(_find(com.vaadin.flow.component.upload.Upload.class)).hasSize(1);

        signInToUi("lakeside.clinician");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UI.getCurrent().navigate("admin/archive"))
                .hasMessageContaining("Access is denied");
    }

    private static Button harbourButton(String text) {
        return rowButton("harbour", text);
    }

    private static Button rowButton(String code, String text) {
        Grid<?> grid = _get(Grid.class);
        var tenant = grid.getGenericDataView().getItems()
                .filter(t -> ((org.researchportal.tenancy.Tenant) t).id().equals(code)).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        var cell = com.github.mvysny.kaributesting.v10.GridKt._getCellComponent((Grid<Object>) grid,
                grid.getGenericDataView().getItems().toList().indexOf(tenant), "actions");
        return _get(cell, Button.class, spec -> spec.withText(text));
    }

    private Authentication signInAs(String username, String password) throws Exception {
        return authentication.getAuthenticationManager().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }
}
