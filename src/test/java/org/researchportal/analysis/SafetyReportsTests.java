package org.researchportal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.analysis.SafetyReport.CountedEvent;
import org.researchportal.assessments.AdverseEventRecord;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventReport.Action;
import org.researchportal.assessments.AdverseEventReport.Outcome;
import org.researchportal.assessments.AdverseEventReport.Relatedness;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.AnalysedParticipant;
import org.researchportal.participants.AnalysedParticipants;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipationService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The safety report of a fresh trial: everyone randomised today (one day of exposure each), an exercise participant
 * with two events, one of them re-graded to serious through a follow-up, a control participant with a fatal event who
 * then left. The statistician reads it and writes nothing; blinded roles and other tenants never reach it.
 */
class SafetyReportsTests extends PortalTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    SafetyReports reports;
    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    AnalysedParticipants analysed;
    @Autowired
    ParticipationService participation;
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

    private TrialFixture trial;
    private String statistician;
    private Map<String, List<AnalysedParticipant>> byArm;
    private AnalysedParticipant exerciser;
    private AnalysedParticipant control;
    private String regraded;

    @BeforeEach
    void trialWithEvents() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 24);
        statistician = trial.account(accounts, "stat", "Statistician Test", PortalRole.STATISTICIAN);
        // Permuted blocks put both arms among the first eight.
        for (int i = 0; i < 8; i++) {
            String name = "Safety " + i;
            trial.asClinician(() -> trial.randomised(screening, consent, randomisation, TrialFixture.candidate(
                    name)));
        }
        byArm = trial.asClinician(() -> analysed.randomised(trial.studyId())).stream()
                .collect(Collectors.groupingBy(AnalysedParticipant::armCode));
        exerciser = byArm.get("EXERCISE").getFirst();
        control = byArm.get("CONTROL").getFirst();
        LocalDate today = LocalDate.now(ZONE);
        regraded = trial.asClinician(() -> {
            adverseEvents.report(exerciser.id(), report(today, 1, false, Relatedness.NOT_RELATED, Outcome.ONGOING));
            String id = adverseEvents.report(exerciser.id(), report(today, 2, false, Relatedness.POSSIBLE,
                    Outcome.ONGOING));
            adverseEvents.update(id, report(today, 3, true, Relatedness.POSSIBLE, Outcome.ONGOING),
                    "Admitted to hospital overnight: re-graded");
            adverseEvents.report(control.id(), report(today, 5, true, Relatedness.NOT_RELATED, Outcome.FATAL));
            participation.withdraw(control.id(), today, "Died");
            return id;
        });
    }

    private static AdverseEventReport report(LocalDate onset, int grade, boolean serious, Relatedness relatedness,
            Outcome outcome) {
        return new AdverseEventReport(onset, "Fall at home", null, grade, serious, relatedness, Action.NONE, outcome,
                null);
    }

    @Test
    void theStatisticianReadsTheFiguresByArm() {
        signIn(statistician);
        SafetyReport report = reports.report(trial.studyId());
        int exercising = byArm.get("EXERCISE").size();
        int controls = byArm.get("CONTROL").size();
        assertThat(report.reportDay()).isEqualTo(LocalDate.now(ZONE));
        // Randomised today, and the one who left left today: a day each.
        assertThat(report.arms()).extracting(a -> a.armCode() + " " + a.randomised() + " " + a.participantDays())
                .containsExactly("EXERCISE " + exercising + " " + exercising, "CONTROL " + controls + " "
                        + controls);
        assertThat(report.exposures()).filteredOn(SafetyReport.Exposure::left).extracting(
                SafetyReport.Exposure::participant).containsExactly(control.label());
        assertThat(counts(report, "any")).isEqualTo("2/1 1/1");
        // The re-graded event counts at its grade now: the exerciser's worst grade is 3.
        assertThat(counts(report, "grade-1")).isEqualTo("1/0 0/0");
        assertThat(counts(report, "grade-2")).isEqualTo("0/0 0/0");
        assertThat(counts(report, "grade-3")).isEqualTo("1/1 0/0");
        assertThat(counts(report, "grade-5")).isEqualTo("0/0 1/1");
        assertThat(counts(report, "serious")).isEqualTo("1/1 1/1");
        assertThat(counts(report, "related")).isEqualTo("1/1 0/0");
        // 2 events in as many days as exercisers, per 1,000.
        assertThat(report.row("any").cells().getFirst().rate()).isEqualTo(2000.0 / exercising);
        assertThat(report.serious()).extracting(e -> e.participant() + " " + e.armCode() + " " + e.grade() + " "
                + e.relatedness() + " " + e.outcome()).containsExactlyInAnyOrder(control.label()
                        + " CONTROL 5 NOT_RELATED FATAL", exerciser.label() + " EXERCISE 3 POSSIBLE ONGOING");
        assertThat(report.events()).extracting(CountedEvent::id).contains(regraded);
        assertThat(adverseEvents.ofStudy(trial.studyId())).extracting(AdverseEventRecord::id).hasSize(3);
    }

    @Test
    void theStatisticianWritesNothingAndBlindedRolesReadNothing() {
        signIn(statistician);
        assertThatThrownBy(() -> adverseEvents.report(exerciser.id(), report(LocalDate.now(ZONE), 1, false,
                Relatedness.UNLIKELY, Outcome.ONGOING))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> adverseEvents.update(regraded, report(LocalDate.now(ZONE), 1, false,
                Relatedness.UNLIKELY, Outcome.ONGOING), "Statistician's correction"))
                .isInstanceOf(AccessDeniedException.class);
        // The blinded assessor and monitor, and the roles with no business in it.
        for (PortalRole blinded : List.of(PortalRole.ASSESSOR, PortalRole.MONITOR, PortalRole.COORDINATOR,
                PortalRole.THERAPIST)) {
            assertThatThrownBy(() -> SystemActor.callAs("blinded", trial.tenantId(), EnumSet.of(blinded),
                    () -> reports.report(trial.studyId()))).as(blinded.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> SystemActor.callAs("blinded", trial.tenantId(), EnumSet.of(blinded),
                    () -> adverseEvents.ofStudy(trial.studyId()))).as(blinded.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        trial.doAsClinician(() -> assertThat(reports.report(trial.studyId()).events()).hasSize(3));
        trial.doAsClinician(() -> assertThat(adverseEvents.ofStudy(trial.studyId())).hasSize(3));
    }

    @Test
    void anotherTenantsStudyIsNotFound() {
        signIn("fudan.statistician");
        assertThatThrownBy(() -> reports.report(trial.studyId())).isInstanceOf(NotFoundException.class);
        assertThat(adverseEvents.ofStudy(trial.studyId())).isEmpty();
    }

    private static String counts(SafetyReport report, String key) {
        return String.join(" ", report.row(key).cells().stream().map(c -> c.events() + "/" + c.participants())
                .toList());
    }
}
