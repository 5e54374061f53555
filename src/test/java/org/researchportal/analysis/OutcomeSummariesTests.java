package org.researchportal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.OutcomeScore;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The outcome summary on a study of its own ({@link OutcomeTrial}, worked by hand there): pooled before the lock,
 * refused by arm until the monitor locks the database, by arm after; for the statistician and the clinician only;
 * another tenant's study is not found.
 */
class OutcomeSummariesTests extends PortalTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    OutcomeSummaries summaries;
    @Autowired
    AssessmentService assessments;

    OutcomeTrial trial;

    @BeforeEach
    void aStudyOfItsOwn() {
        trial = OutcomeTrial.create(context);
    }

    private static final String SEVERITY = "bpi_sf.pain_severity";

    @Test
    void pooledBeforeTheLockByArmOnlyAfterIt() {
        List<OutcomeScore> scores = trial.as(PortalRole.STATISTICIAN, () -> assessments.outcomeScores(trial
                .studyId()));
        assertThat(scores).extracting(OutcomeScore::key).containsExactly(SEVERITY, "bpi_sf.pain_interference");
        assertThat(scores.getFirst().name().en()).isEqualTo("Pain severity (mean of 4)");

        OutcomeSummary pooled = trial.as(PortalRole.STATISTICIAN, () -> summaries.pooled(trial.studyId()));
        assertThat(pooled.byArm()).isFalse();
        OutcomeFigure baseline = pooled.figure(SEVERITY, "baseline", null).orElseThrow();
        assertThat(baseline.n()).isEqualTo(3);
        assertThat(baseline.mean()).isCloseTo(19.0 / 3, within(1e-9));
        assertThat(baseline.sd()).isCloseTo(Math.sqrt(7.0 / 3), within(1e-9));
        OutcomeFigure week6 = pooled.figure(SEVERITY, "week_6", null).orElseThrow();
        assertThat(week6.n()).isEqualTo(3);
        assertThat(week6.mean()).isCloseTo(16.0 / 3, within(1e-9));
        assertThat(week6.changeN()).isEqualTo(2);
        assertThat(week6.changeMean()).isCloseTo(-1.0, within(1e-9));
        assertThat(week6.changeSd()).isCloseTo(Math.sqrt(2), within(1e-9));
        // The entries behind: six entries with the score, no arm before the lock.
        assertThat(pooled.sources()).hasSize(6).allSatisfy(s -> assertThat(s.arm()).isEmpty());
        // The interference needs 4 of 7 items: none answered, so no value anywhere.
        assertThat(pooled.figure("bpi_sf.pain_interference", "baseline", null).orElseThrow().n()).isZero();

        for (PortalRole reader : List.of(PortalRole.STATISTICIAN, PortalRole.CLINICIAN)) {
            assertThatThrownBy(() -> trial.as(reader, () -> summaries.byArm(trial.studyId())))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                            .containsEntry("study", "outcomes.by-arm.before-lock"));
        }

        trial.lock(this::signIn);
        OutcomeSummary byArm = trial.as(PortalRole.STATISTICIAN, () -> summaries.byArm(trial.studyId()));
        assertThat(byArm.arms()).extracting(a -> a.code()).containsExactly("EXERCISE", "CONTROL");
        OutcomeFigure exerciseBaseline = byArm.figure(SEVERITY, "baseline", "EXERCISE").orElseThrow();
        assertThat(exerciseBaseline.n()).isEqualTo(2);
        assertThat(exerciseBaseline.mean()).isCloseTo(7.0, within(1e-9));
        assertThat(exerciseBaseline.sd()).isCloseTo(Math.sqrt(2), within(1e-9));
        OutcomeFigure exerciseWeek6 = byArm.figure(SEVERITY, "week_6", "EXERCISE").orElseThrow();
        assertThat(exerciseWeek6.n()).isEqualTo(1);
        assertThat(exerciseWeek6.mean()).isCloseTo(4.0, within(1e-9));
        assertThat(exerciseWeek6.sd()).isNull();
        assertThat(exerciseWeek6.changeN()).isEqualTo(1);
        assertThat(exerciseWeek6.changeMean()).isCloseTo(-2.0, within(1e-9));
        OutcomeFigure controlWeek6 = byArm.figure(SEVERITY, "week_6", "CONTROL").orElseThrow();
        assertThat(controlWeek6.n()).isEqualTo(2);
        assertThat(controlWeek6.mean()).isCloseTo(6.0, within(1e-9));
        assertThat(controlWeek6.sd()).isCloseTo(Math.sqrt(2), within(1e-9));
        assertThat(controlWeek6.changeN()).isEqualTo(1);
        assertThat(controlWeek6.changeMean()).isCloseTo(0.0, within(1e-9));
        assertThat(byArm.sources()).hasSize(6).extracting(FigureSource::arm).containsOnly("EXERCISE", "CONTROL");
        assertThat(byArm.sources()).filteredOn(s -> s.value().equals("8")).singleElement().satisfies(s -> {
            assertThat(s.arm()).isEqualTo("EXERCISE");
            assertThat(s.figure()).isEqualTo("Pain severity (mean of 4) · Baseline");
            assertThat(s.record()).startsWith("Brief Pain Inventory (short form) Baseline (");
        });
        // The clinician reads the same; the pooled figures stay.
        assertThat(trial.as(PortalRole.CLINICIAN, () -> summaries.byArm(trial.studyId())).figures())
                .isEqualTo(byArm.figures());
        assertThat(trial.as(PortalRole.CLINICIAN, () -> summaries.pooled(trial.studyId())).figures())
                .isEqualTo(pooled.figures());
    }

    @Test
    void onlyTheStatisticianAndTheClinicianReadItAndAnotherTenantsStudyIsNotFound() {
        for (PortalRole role : List.of(PortalRole.ASSESSOR, PortalRole.MONITOR, PortalRole.THERAPIST,
                PortalRole.COORDINATOR, PortalRole.TENANT_ADMIN, PortalRole.PARTICIPANT)) {
            assertThatThrownBy(() -> trial.as(role, () -> summaries.pooled(trial.studyId()))).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> trial.as(role, () -> summaries.byArm(trial.studyId()))).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> trial.as(role, () -> assessments.scoredEntries(trial.studyId())))
                    .as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        signIn("fudan.statistician");
        assertThatThrownBy(() -> summaries.pooled(trial.studyId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> summaries.byArm(trial.studyId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> assessments.scoredEntries(trial.studyId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> assessments.outcomeScores(trial.studyId())).isInstanceOf(NotFoundException.class);
    }
}
