package org.researchportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.participants.CallParticipants;
import org.researchportal.participants.EnrolmentCounts;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Services check the caller's role themselves: a view is never the only gate. */
class RoleChecksTests extends PortalTest {

    @Autowired
    ParticipantService participants;
    @Autowired
    BlindedParticipants blindedParticipants;
    @Autowired
    CallParticipants callParticipants;
    @Autowired
    EnrolmentCounts enrolmentCounts;
    @Autowired
    StudyService studies;
    @Autowired
    AccountService accounts;
    @Autowired
    TenantService tenants;

    @Test
    void aParticipantCannotCallClinicianServices() {
        signIn("fudan.participant");
        String study = studies.studies().getFirst().id();
        assertThatThrownBy(() -> enrolmentCounts.progress(study)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> participants.participants(study, Pageable.unpaged()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.accounts(Pageable.unpaged())).isInstanceOf(AccessDeniedException.class);
        assertThat(participants.myParticipation()).hasValueSatisfying(me -> {
            assertThat(me.displayName()).isEqualTo("Zhang Demo");
            assertThat(me.armName()).isEqualTo("Exercise");
        });
    }

    @Test
    void anAssessorCannotReachTheArmThroughAnyParticipantService() {
        signIn("fudan.assessor");
        String study = studies.studies().getFirst().id();
        assertThatThrownBy(() -> enrolmentCounts.progress(study)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> participants.participants(study, Pageable.unpaged()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> participants.therapistCaseload(Pageable.unpaged()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> callParticipants.callParticipants()).isInstanceOf(AccessDeniedException.class);
        assertThat(blindedParticipants.blindedParticipants(study, Pageable.unpaged()).getContent()).hasSize(8);
    }

    @Test
    void onlyPlatformAdministratorsManageTenants() {
        signIn("fudan.admin");
        assertThatThrownBy(() -> tenants.tenants()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tenants.create("evil", "Evil", "UTC")).isInstanceOf(AccessDeniedException.class);
        signIn("platform.admin");
        assertThat(tenants.tenants()).extracting(t -> t.id()).contains("fudan", "lakeside");
    }

    @Test
    void nobodySignedInIsRefused() {
        assertThatThrownBy(() -> studies.studies()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void aTenantAdministratorCannotGrantPlatformAdministrationNorLockThemselvesOut() {
        signIn("fudan.admin");
        var me = accounts.accounts(Pageable.unpaged()).stream().filter(a -> a.username().equals("fudan.admin"))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> accounts.changeRoles(me.id(), Set.of(PortalRole.CLINICIAN)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> accounts.setActive(me.id(), false)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> accounts.create(new NewAccount("new.person", "New Person", null, "en",
                Set.of(PortalRole.PLATFORM_ADMIN), "long-enough-password")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("roles", "account.roles.no-platform-admin"));
    }
}
