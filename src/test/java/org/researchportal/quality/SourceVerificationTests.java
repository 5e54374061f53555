package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A monitor verifies forms against the source, a change clears the mark visibly, and the plan counts progress. */
class SourceVerificationTests extends PortalTest {

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
    SourceVerification verification;
    @Autowired
    AuditTrail audit;
    @Autowired
    VerificationLockCheck lockCheck;

    SdvTrial sdv;

    @BeforeEach
    void aStudyWithAMonitor() {
        sdv = SdvTrial.create(tenants, studies, randomisation, accounts);
    }

    @Test
    void aChangeAfterVerificationClearsTheMarkKeepingWhoVerifiedAndWhatChangedIt() {
        String id = sdv.randomisedToday(screening, consent, randomisation, "Verified Then Changed");
        sdv.stiffness(assessments, id, "baseline", SdvTrial.STIFFNESS, null);
        ClinicalForm form = ClinicalForm.instrument(sdv.studyId(), id, "baseline", "stiffness");

        signIn(sdv.monitor());
        FormVerification verified = verification.verify(form);
        assertThat(verified.state()).isEqualTo(VerificationState.VERIFIED);
        assertThat(verified.verifiedByName()).isEqualTo("Mona Monitor");

        sdv.stiffness(assessments, id, "baseline", Map.of("stiffness", "6", "morning_minutes", "20"),
                "Source says 6");

        signIn(sdv.monitor());
        FormVerification cleared = verification.markOf(form).orElseThrow();
        assertThat(cleared.state()).isEqualTo(VerificationState.CLEARED);
        assertThat(cleared.verifiedByName()).isEqualTo("Mona Monitor");
        assertThat(cleared.verifiedAt()).isEqualTo(verified.verifiedAt());
        assertThat(cleared.clearedByName()).isEqualTo("System (test-assessor)");
        assertThat(cleared.clearedAt()).isAfterOrEqualTo(verified.verifiedAt());
        assertThat(cleared.clearedItems()).containsExactly("stiffness");
        assertThat(cleared.clearedReason()).isEqualTo("Source says 6");
        assertThat(sdv.asAdmin(() -> audit.participantHistory(id))).extracting(e -> e.getAction())
                .contains("verification.verified", "verification.cleared");

        // Verified again, it reads verified.
        assertThat(verification.verify(form).state()).isEqualTo(VerificationState.VERIFIED);
    }

    @Test
    void onlyAFormThatHoldsDataIsVerifiedAndOnlyByAMonitor() {
        String id = sdv.randomisedToday(screening, consent, randomisation, "Nothing Yet");
        ClinicalForm empty = ClinicalForm.instrument(sdv.studyId(), id, "week_6", "stiffness");
        signIn(sdv.monitor());
        assertThatThrownBy(() -> verification.verify(empty)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldMessageKeys()).containsEntry("form", "sdv.form.no-data"));
        assertThat(verification.verify(ClinicalForm.consent(sdv.studyId(), id)).state())
                .isEqualTo(VerificationState.VERIFIED);
        assertThatThrownBy(() -> sdv.asAdmin(() -> verification.verify(ClinicalForm.eligibility(sdv.studyId(), id))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theSampleIsReproducibleAndTheNamedKindsAreAlwaysRequired() {
        SdvPlanRecord plan = new SdvPlanRecord("study-1", List.of("bpi_sf"), 20);
        List<ClinicalForm> others = new ArrayList<>();
        for (int p = 0; p < 100; p++) {
            for (String timepoint : List.of("baseline", "week_6", "week_12")) {
                others.add(ClinicalForm.instrument("study-1", "p" + p, timepoint, "grip"));
                others.add(ClinicalForm.instrument("study-1", "p" + p, timepoint, "stiffness"));
                assertThat(SourceVerification.required(plan, ClinicalForm.instrument("study-1", "p" + p, timepoint,
                        "bpi_sf"))).isTrue();
            }
            assertThat(SourceVerification.required(plan, ClinicalForm.consent("study-1", "p" + p))).isTrue();
            assertThat(SourceVerification.required(plan, ClinicalForm.eligibility("study-1", "p" + p))).isTrue();
            assertThat(SourceVerification.required(plan, ClinicalForm.adverseEvent("study-1", "p" + p, "ae" + p)))
                    .isTrue();
        }
        List<ClinicalForm> drawn = others.stream().filter(f -> SourceVerification.required(plan, f)).toList();
        assertThat(drawn.size()).isBetween(90, 150);
        assertThat(others.stream().filter(f -> SourceVerification.required(plan, f)).toList()).isEqualTo(drawn);
        // A larger share keeps the forms a smaller one drew: the sample only grows.
        SdvPlanRecord larger = new SdvPlanRecord("study-1", List.of("bpi_sf"), 50);
        assertThat(drawn).allSatisfy(f -> assertThat(SourceVerification.required(larger, f)).isTrue());
        assertThat(others).noneMatch(f -> SourceVerification.required(new SdvPlanRecord("study-1", List.of(), 0),
                f));
        assertThat(others).allMatch(f -> SourceVerification.required(new SdvPlanRecord("study-1", List.of(), 100),
                f));
    }

    @Test
    void progressCountsTheRequiredFormsVerifiedClearedAndOutstanding() {
        String first = sdv.randomisedToday(screening, consent, randomisation, "First Verified");
        String second = sdv.randomisedToday(screening, consent, randomisation, "Second Verified");
        sdv.stiffness(assessments, first, "baseline", SdvTrial.STIFFNESS, null);
        sdv.stiffness(assessments, second, "baseline", SdvTrial.STIFFNESS, null);
        String ae = sdv.trial().asClinician(() -> adverseEvents.report(first, new AdverseEventReport(LocalDate.now(),
                "Knee swelling", "Left knee", 1, false, AdverseEventReport.Relatedness.POSSIBLE,
                AdverseEventReport.Action.NONE, AdverseEventReport.Outcome.ONGOING, null)));

        signIn(sdv.monitor());
        // The monitor reads the event blinded: dates, grade, seriousness and outcome, nothing that tells the arm.
        assertThat(adverseEvents.blindedOfParticipant(first)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(ae);
            assertThat(e.grade()).isEqualTo(1);
            assertThat(e.outcome()).isEqualTo(AdverseEventReport.Outcome.ONGOING);
        });
        assertThat(java.util.Arrays.stream(org.researchportal.assessments.BlindedAdverseEvent.class
                .getRecordComponents()).map(c -> c.getName())).doesNotContain("description", "relatedness", "action",
                        "report");
        assertThatThrownBy(() -> verification.configurePlan(sdv.studyId(), List.of("grip"), 20))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("primaryInstruments", "sdv.plan.instrument.invalid"));
        assertThatThrownBy(() -> verification.configurePlan(sdv.studyId(), List.of("stiffness"), 101))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("sharePercent", "sdv.plan.share.invalid"));
        assertThat(verification.configurePlan(sdv.studyId(), List.of("stiffness"), 20).primaryInstruments())
                .containsExactly("stiffness");

        // Two consents, two eligibility assessments, two primary-outcome entries and one adverse event.
        assertThat(verification.progress(sdv.studyId())).satisfies(p -> {
            assertThat(p.required()).isEqualTo(7);
            assertThat(p.verified()).isZero();
            assertThat(p.outstanding()).isEqualTo(7);
        });
        assertThat(lockCheck.blockers(sdv.studyId())).hasSize(2);

        verification.verify(ClinicalForm.instrument(sdv.studyId(), first, "baseline", "stiffness"));
        verification.verify(ClinicalForm.adverseEvent(sdv.studyId(), first, ae));
        verification.verify(ClinicalForm.consent(sdv.studyId(), second));
        sdv.stiffness(assessments, first, "baseline", Map.of("stiffness", "5", "morning_minutes", "20"),
                "Corrected from the source");

        signIn(sdv.monitor());
        SdvProgress progress = verification.progress(sdv.studyId());
        assertThat(progress.required()).isEqualTo(7);
        assertThat(progress.verified()).isEqualTo(2);
        assertThat(progress.cleared()).isEqualTo(1);
        assertThat(progress.outstanding()).isEqualTo(5);
        assertThat(progress.outstandingForms()).extracting(f -> f.form().kind()).containsOnly(FormKind.CONSENT,
                FormKind.ELIGIBILITY, FormKind.INSTRUMENT);
        assertThat(verification.participantProgress(sdv.studyId(), first)).satisfies(p -> {
            assertThat(p.required()).isEqualTo(4);
            assertThat(p.verified()).isEqualTo(1);
            assertThat(p.cleared()).isEqualTo(1);
        });
        // The administrator reads the same figures (form names only, no data).
        assertThat(sdv.asAdmin(() -> verification.progress(sdv.studyId())).verified()).isEqualTo(2);

        for (SdvForm outstanding : progress.outstandingForms()) {
            verification.verify(outstanding.form());
        }
        assertThat(verification.progress(sdv.studyId()).outstanding()).isZero();
        assertThat(lockCheck.blockers(sdv.studyId())).isEmpty();
    }
}
