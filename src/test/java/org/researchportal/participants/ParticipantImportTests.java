package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/** An imported participant record is checked whole: its dates, contact details and the accounts it links to. */
class ParticipantImportTests extends PortalTest {

    private static final LocalDate SCREENED = LocalDate.of(2026, 5, 1);

    @Autowired
    ParticipantService participants;
    @Autowired
    StudyService studies;
    @Autowired
    AccountService accounts;

    private String accountOf(String tenant, PortalRole role) {
        return asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.accountsWithRole(role).getFirst().id());
    }

    private Map<String, String> refusalOf(ParticipantStatus status, @Nullable String arm, @Nullable LocalDate enrolled,
            @Nullable LocalDate withdrawn, @Nullable String phone, @Nullable String therapist,
            @Nullable String account) {
        signIn("fudan.clinician");
        String study = studies.studies().getFirst().id();
        try {
            participants.importRecord(new ParticipantImport(study, "S-T" + System.nanoTime() % 100000, null,
                    "Import Test", status, arm, SCREENED, enrolled, withdrawn, phone, null, "en", "Asia/Shanghai",
                    null, therapist, null, account));
            return Map.of();
        } catch (ValidationException e) {
            return e.fieldMessageKeys();
        }
    }

    @Test
    void aWithdrawalNeedsItsDateAndDatesFollowEachOther() {
        assertThat(refusalOf(ParticipantStatus.WITHDRAWN, "CONTROL", SCREENED.plusDays(5), null, null, null, null))
                .containsEntry("enrolledOn", "participant.dates.invalid");
        assertThat(refusalOf(ParticipantStatus.ENROLLED, "CONTROL", SCREENED.minusDays(1), null, null, null, null))
                .containsEntry("enrolledOn", "participant.dates.invalid");
        assertThat(refusalOf(ParticipantStatus.SCREENED, null, SCREENED, null, null, null, null))
                .containsEntry("enrolledOn", "participant.dates.invalid");
    }

    @Test
    void aMalformedPhoneIsRefusedAtItsField() {
        assertThat(refusalOf(ParticipantStatus.SCREENED, null, null, null, "call me maybe", null, null))
                .containsEntry("phone", "participant.phone.invalid");
    }

    @Test
    void aTherapistFollowsOnlyTheInterventionArm() {
        String therapist = accountOf("fudan", PortalRole.THERAPIST);
        assertThat(refusalOf(ParticipantStatus.ENROLLED, "CONTROL", SCREENED.plusDays(3), null, null, therapist, null))
                .containsEntry("therapistId", "participant.therapist.invalid");
        // Refused for its phone only (so nothing is written to the shared demo data): the therapist was accepted.
        assertThat(refusalOf(ParticipantStatus.ENROLLED, "EXERCISE", SCREENED.plusDays(3), null, "bad phone",
                therapist, null)).containsOnlyKeys("phone");
    }

    @Test
    void onlyAFreeParticipantAccountOfThisTenantCanBeLinked() {
        String staff = accountOf("fudan", PortalRole.CLINICIAN);
        String alreadyLinked = accountOf("fudan", PortalRole.PARTICIPANT);
        String otherTenant = accountOf("lakeside", PortalRole.PARTICIPANT);
        for (String account : new String[] {staff, alreadyLinked, otherTenant}) {
            assertThat(refusalOf(ParticipantStatus.SCREENED, null, null, null, null, null, account))
                    .containsEntry("accountId", "participant.account.invalid");
        }
    }
}
