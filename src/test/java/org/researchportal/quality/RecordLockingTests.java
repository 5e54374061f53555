package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.followup.CallEntry;
import org.researchportal.followup.CallOutcome;
import org.researchportal.followup.CallRecords;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.FollowUpPlans;
import org.researchportal.followup.WorklistFilter;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A monitor locks a form or a whole participant; every kind of write then refuses it in the service, until an unlock
 * with a reason.
 */
class RecordLockingTests extends PortalTest {

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ScreeningService screening;
    @Autowired
    ConsentService consent;
    @Autowired
    AccountService accounts;
    @Autowired
    AssessmentService assessments;
    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    FollowUpPlans plans;
    @Autowired
    CallWorklist calls;
    @Autowired
    CallRecords callRecords;
    @Autowired
    RecordLocking locking;
    @Autowired
    org.researchportal.participants.ParticipationService participation;
    @Autowired
    AuditTrail audit;

    SdvTrial sdv;

    @BeforeEach
    void aStudyWithAMonitor() {
        sdv = SdvTrial.create(tenants, studies, randomisation, accounts);
    }

    @Test
    void aLockedFormRefusesEachKindOfWriteUntilUnlockedWithAReason() {
        sdv.trial().planCalls(plans);
        String id = sdv.randomisedToday(screening, consent, randomisation, "Locked Forms");
        sdv.stiffness(assessments, id, "baseline", SdvTrial.STIFFNESS, null);
        String ae = sdv.trial().asClinician(() -> adverseEvents.report(id, report("Knee swelling")));
        String callId = sdv.trial().asCoordinator(() -> calls.worklist(WorklistFilter.OPEN)).stream()
                .filter(c -> c.participant().id().equals(id)).findFirst().orElseThrow().callId();
        String study = sdv.studyId();

        signIn(sdv.monitor());
        FormLockRow instrument = locking.lockForm(ClinicalForm.instrument(study, id, "baseline", "stiffness"),
                "Verified and final");
        locking.lockForm(ClinicalForm.adverseEvent(study, id, ae), null);
        locking.lockForm(ClinicalForm.consent(study, id), null);
        locking.lockForm(ClinicalForm.eligibility(study, id), null);
        locking.lockForm(ClinicalForm.followUpCall(study, id, callId), null);
        assertThatThrownBy(() -> locking.lockForm(ClinicalForm.consent(study, id), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("record", "lock.already-locked"));

        refusedAsLocked(() -> sdv.stiffness(assessments, id, "baseline", Map.of("stiffness", "7",
                "morning_minutes", "20"), "Correction"));
        refusedAsLocked(() -> sdv.trial().doAsClinician(() -> adverseEvents.update(ae, report("Knee swelling, both"),
                "Correction")));
        refusedAsLocked(() -> sdv.trial().doAsClinician(() -> consent.correctConsent(id, "Consent form v2.2",
                LocalDate.now().minusDays(1), true, true, "Version misread")));
        refusedAsLocked(() -> sdv.trial().doAsClinician(() -> screening.assessEligibility(id,
                TrialFixture.ELIGIBLE_MEASURES, TrialFixture.ELIGIBLE_ANSWERS, "Re-assessed")));
        refusedAsLocked(() -> sdv.trial().asCoordinator(() -> callRecords.recordAttempt(callId, new CallEntry(
                CallOutcome.NO_ANSWER, null, null, null, 0))));

        assertThatThrownBy(() -> locking.unlock(instrument.id(), " ")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsEntry("reason",
                        "lock.unlock.reason-required"));
        assertThatThrownBy(() -> sdv.trial().doAsClinician(() -> locking.unlock(instrument.id(), "Mine")))
                .isInstanceOf(AccessDeniedException.class);
        // The tenant administrator may unlock too, with a reason.
        sdv.asAdmin(() -> {
            locking.unlock(instrument.id(), "The source was misread: the site corrects it");
            return null;
        });
        assertThat(sdv.stiffness(assessments, id, "baseline", Map.of("stiffness", "7", "morning_minutes", "20"),
                "Correction").answers()).containsEntry("stiffness", "7");
        assertThat(sdv.asAdmin(() -> audit.participantHistory(id))).extracting(e -> e.getAction())
                .contains("record.form-locked", "record.unlocked");
    }

    @Test
    void aWholeParticipantIsLockedOnlyAfterTheirLastVisit() {
        String id = sdv.randomisedToday(screening, consent, randomisation, "Locked Whole");
        sdv.stiffness(assessments, id, "baseline", SdvTrial.STIFFNESS, null);

        signIn(sdv.monitor());
        assertThatThrownBy(() -> locking.lockParticipant(id, "End of study")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsEntry("record",
                        "lock.participant.visits-ahead"));

        sdv.stiffness(assessments, id, "week_6", SdvTrial.STIFFNESS, null);
        signIn(sdv.monitor());
        FormLockRow lock = locking.lockParticipant(id, "Last visit done");
        assertThat(lock.wholeParticipant()).isTrue();
        assertThat(locking.locksOn(ClinicalForm.consent(sdv.studyId(), id))).extracting(FormLockRow::id)
                .containsExactly(lock.id());

        refusedAsLocked(() -> sdv.trial().asClinician(() -> adverseEvents.report(id, report("A late fall"))));
        refusedAsLocked(() -> sdv.stiffness(assessments, id, "week_6", Map.of("stiffness", "2", "morning_minutes",
                "20"), "Correction"));

        locking.unlock(lock.id(), "A late adverse event to report");
        assertThat(sdv.trial().asClinician(() -> adverseEvents.report(id, report("A late fall")))).isNotBlank();
    }

    @Test
    void aParticipantWhoLeftTheStudyIsLockedWholeWithVisitsStillAhead() {
        String id = sdv.randomisedToday(screening, consent, randomisation, "Left Early");
        sdv.trial().doAsClinician(() -> participation.withdraw(id, LocalDate.now(), "Moved abroad"));
        signIn(sdv.monitor());
        assertThat(locking.lockParticipant(id, "Withdrawn: nothing more to collect").wholeParticipant()).isTrue();
        assertThatThrownBy(() -> locking.lockParticipant(id, null)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsEntry("record",
                        "lock.already-locked"));
    }

    private static void refusedAsLocked(ThrowingCallable write) {
        assertThatThrownBy(write).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e
                .fieldMessageKeys()).containsEntry("record", "record.locked"));
    }

    private static AdverseEventReport report(String description) {
        return new AdverseEventReport(LocalDate.now(), description, "Left knee", 1, false,
                AdverseEventReport.Relatedness.POSSIBLE, AdverseEventReport.Action.NONE,
                AdverseEventReport.Outcome.ONGOING, null);
    }
}
