package org.researchportal.tenancy.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.PortalRole;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform administrator lists and creates tenants; the act lands in the new tenant's own audit trail. */
class TenantsViewUiTests extends UiTest {

    @Autowired
    AuditTrail audit;

    @Test
    void createsATenantAndAuditsItInThatTenant() {
        signInToUi("platform.admin");
        UI.getCurrent().navigate("platform/tenants");
        Grid<?> grid = _get(Grid.class);
        assertThat(allCells(grid)).contains("Fudan University", "Lakeside Rehabilitation Centre");

        TextField code = _get(TextField.class, spec -> spec.withLabel("Code"));
        _setValue(code, "Bad Code");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Riverside Clinic");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(code.isInvalid()).isTrue();
        assertThat(allCells(grid)).doesNotContain("Riverside Clinic");

        _setValue(code, "riverside");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(code.isInvalid()).isFalse();
        assertThat(allCells(grid)).contains("Riverside Clinic", "riverside");

        var trail = asSystem("riverside", Set.of(PortalRole.TENANT_ADMIN), () -> audit.history("Tenant", "riverside"));
        assertThat(trail).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tenant.created", "platform.admin"));
    }

    @Test
    void aTenantCodeIsTakenOnlyOnce() {
        signInToUi("platform.admin");
        UI.getCurrent().navigate("platform/tenants");
        TextField code = _get(TextField.class, spec -> spec.withLabel("Code"));
        _setValue(code, "fudan");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Impostor");
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
        assertThat(viewText()).contains("Import an institution", "nothing is written unless everything is");
        assertThat(_find(com.vaadin.flow.component.upload.Upload.class)).hasSize(1);

        signInToUi("lakeside.clinician");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UI.getCurrent().navigate("admin/archive"))
                .hasMessageContaining("Access is denied");
    }
}
