package org.researchportal.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.ParticipationService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.reporting.StudyExports;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The assessor's visits over a participant's whole time in the study: windows counted from enrolment and never open
 * before consent, nothing falling due after a participant left, a closed window waiting for a decision, and a visit
 * recorded as missed leaving the worklist and reaching the exports.
 */
class AssessmentVisitTests extends PortalTest {

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
    ParticipantService participants;
    @Autowired
    ParticipationService participation;
    @Autowired
    AssessmentService assessments;
    @Autowired
    MissedVisits missedVisits;
    @Autowired
    StudyExports exports;
    @Autowired
    AuditTrail audit;

    private TrialFixture trial;

    @BeforeEach
    void aStudyWithASchedule() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        asSystem(trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> {
            studies.configureSchedule(trial.studyId(), List.of(
                    new Timepoint("baseline", "Baseline", "基线", 0, 14, 3, List.of("stiffness")),
                    new Timepoint("week_6", "Week 6", "第6周", 42, 7, 7, List.of("stiffness"))));
            return null;
        });
    }

    private <T> T asAssessor(Supplier<T> work) {
        return asSystem(trial.tenantId(), EnumSet.of(PortalRole.ASSESSOR), work);
    }

    /**
     * Randomised today. The participant lives in UTC, as the tests' system actors do: her enrolment day (counted in her
     * own time zone) and the days the tests write are then the same day, whatever the hour.
     */
    private String randomisedToday(String name) {
        String id = trial.asClinician(() -> trial.eligibleConsented(screening, consent, new NewCandidate(name,
                LocalDate.now().minusDays(3), null, null, "en", "UTC", null)));
        trial.asClinician(() -> randomisation.randomise(id, Map.of()));
        return id;
    }

    private List<DueAssessment> visitsOf(String participantId) {
        return asAssessor(() -> assessments.worklist(trial.studyId())).stream()
                .filter(d -> d.participantId().equals(participantId)).toList();
    }

    @Test
    void theBaselineWindowNeverOpensBeforeConsent() {
        String id = randomisedToday("Consented Yesterday");
        DueAssessment baseline = visitsOf(id).stream().filter(d -> d.timepoint().equals("baseline")).findFirst()
                .orElseThrow();
        // Consent was yesterday: a 14-day window before enrolment would open two weeks before it.
        assertThat(baseline.dueOn()).isEqualTo(LocalDate.now());
        assertThat(baseline.windowOpens()).isEqualTo(LocalDate.now().minusDays(1));
        assertThatThrownBy(() -> asAssessor(() -> assessments.record(id, "baseline", "stiffness",
                LocalDate.now().minusDays(2), Map.of("stiffness", "4", "morning_minutes", "20"), null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsKey("assessedOn"));
    }

    @Test
    void aParticipantWhoLeftHasNoVisitsDueAfterLeaving() {
        String id = randomisedToday("Left Today");
        assertThat(visitsOf(id)).extracting(DueAssessment::timepoint).containsExactly("baseline", "week_6");
        trial.doAsClinician(() -> participation.withdraw(id, LocalDate.now(), "Moved away"));
        assertThat(visitsOf(id)).extracting(DueAssessment::timepoint).containsExactly("baseline");
    }

    @Test
    void aClosedWindowWaitsForADecisionAndAMissedVisitLeavesTheWorklistForTheExports() {
        LocalDate enrolled = LocalDate.now().minusDays(120);
        String id = trial.asClinician(() -> participants.importRecord(new ParticipantImport(trial.studyId(),
                "SCR-OLD", "TEST-900", "Long Ago", ParticipantStatus.ENROLLED, "CONTROL", enrolled.minusDays(5),
                enrolled, null, null, null, "en", "Asia/Shanghai", null, null, null, null)));
        assertThat(visitsOf(id)).extracting(DueAssessment::state).containsOnly(DueAssessment.State.WINDOW_CLOSED);

        assertThatThrownBy(() -> asAssessor(() -> missedVisits.recordMissed(id, "week_6",
                MissedVisitRecord.Kind.MISSED, " "))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsKey("reason"));
        asAssessor(() -> missedVisits.recordMissed(id, "week_6", MissedVisitRecord.Kind.MISSED,
                "Did not attend, no answer to three calls"));
        asAssessor(() -> missedVisits.recordMissed(id, "baseline", MissedVisitRecord.Kind.NOT_DONE,
                "Hand injury: grip not measurable"));

        List<DueAssessment> visits = visitsOf(id);
        assertThat(visits).filteredOn(d -> d.timepoint().equals("week_6")).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(DueAssessment.State.MISSED);
            assertThat(d.missedReason()).isEqualTo("Did not attend, no answer to three calls");
        });
        assertThat(visits).filteredOn(d -> d.timepoint().equals("baseline")).extracting(DueAssessment::state)
                .containsExactly(DueAssessment.State.NOT_DONE);
        assertThat(visits).noneMatch(d -> d.state().open());
        assertThat(asSystem(trial.tenantId(), EnumSet.of(PortalRole.CLINICIAN),
                () -> audit.history("Assessment", id + "/week_6"))).singleElement()
                .satisfies(e -> assertThat(e.getAction()).isEqualTo("assessment.visit-missed"));

        String csv = asSystem(trial.tenantId(), EnumSet.of(PortalRole.ASSESSOR), () -> {
            var out = new StringWriter();
            exports.csv(trial.studyId(), out);
            return out.toString();
        });
        assertThat(csv.lines().findFirst().orElseThrow()).contains("timepoint,visit_status,visit_reason");
        assertThat(csv).contains("TEST-900,ENROLLED," + enrolled + ",week_6,missed,"
                + "\"Did not attend, no answer to three calls\"");
        assertThat(csv).contains("TEST-900,ENROLLED," + enrolled + ",baseline,not_done,");
    }
}
