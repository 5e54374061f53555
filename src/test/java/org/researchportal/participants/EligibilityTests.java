package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.base.ValidationException;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.participants.EligibilityOutcome.Outcome;

/**
 * RE-MS eligibility as the trial listing states it: the pain-or-risk-factor inclusion and the bone density exclusion
 * are computed from the numbers entered and cannot be ticked; the verdict waits until every criterion is determined.
 */
class EligibilityTests extends TrialTest {

    private TrialFixture trial;

    @BeforeEach
    void newTrial() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 24);
    }

    private EligibilityOutcome judge(Map<String, Double> measures, Map<String, Boolean> answers) {
        return trial.asClinician(() -> screening.preview(trial.studyId(), measures, answers));
    }

    private static Map<String, Double> measures(Object... pairs) {
        Map<String, Double> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return values;
    }

    @Test
    void painBelowThreeWithoutAnyRiskFactorExcludes() {
        var outcome = judge(measures("bpi_worst", 2, "bone_turnover_raised", 0, "vitamin_d_low", 0,
                "cytokines_raised", 0, "crp_raised", 0, "rf_raised", 0, "bmd_t_score", -1.0),
                TrialFixture.ELIGIBLE_ANSWERS);
        assertThat(outcome.eligible()).isFalse();
        assertThat(outcome.failed()).containsExactly("I5");
    }

    @Test
    void oneRiskFactorIsEnoughWhenPainIsLow() {
        var outcome = judge(measures("bpi_worst", 2, "vitamin_d_low", 1, "bmd_t_score", -1.0),
                TrialFixture.ELIGIBLE_ANSWERS);
        assertThat(outcome.criteria()).containsEntry("I5", Outcome.PASS);
        assertThat(outcome.eligible()).isTrue();
    }

    @Test
    void aBoneDensityTScoreBelowMinusTwoAndAHalfExcludesFromTheNumberEntered() {
        assertThat(judge(measures("bpi_worst", 7, "bmd_t_score", -2.6), TrialFixture.ELIGIBLE_ANSWERS).failed())
                .containsExactly("E4");
        assertThat(judge(measures("bpi_worst", 7, "bmd_t_score", -2.5), TrialFixture.ELIGIBLE_ANSWERS).eligible())
                .isTrue();
    }

    @Test
    void computedCriteriaCannotBeTickedInstead() {
        Map<String, Boolean> ticked = new HashMap<>(TrialFixture.ELIGIBLE_ANSWERS);
        ticked.put("I5", true);
        ticked.put("E4", false);
        assertThatThrownBy(() -> judge(measures("bpi_worst", 1, "bmd_t_score", -3.0), ticked))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("criterion.I5", "eligibility.answer.invalid")
                        .containsEntry("criterion.E4", "eligibility.answer.invalid"));
        var outcome = judge(measures("bpi_worst", 1, "rf_raised", 0, "crp_raised", 0, "cytokines_raised", 0,
                "vitamin_d_low", 0, "bone_turnover_raised", 0, "bmd_t_score", -3.0), TrialFixture.ELIGIBLE_ANSWERS);
        assertThat(outcome.failed()).containsExactlyInAnyOrder("I5", "E4");
    }

    @Test
    void theVerdictWaitsForEveryCriterion() {
        var outcome = judge(measures("bmd_t_score", -1.0), Map.of("I1", true));
        assertThat(outcome.eligible()).isNull();
        assertThat(outcome.undetermined()).contains("I2", "I5", "E1");
        assertThat(outcome.criteria()).containsEntry("E4", Outcome.PASS);
    }

    @Test
    void anOutOfRangeValueIsRefusedAtItsField() {
        assertThatThrownBy(() -> judge(measures("bpi_worst", 11), Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("measure.bpi_worst", "eligibility.measure.out-of-range"));
        assertThatThrownBy(() -> judge(measures("vitamin_d_low", 2), Map.of()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theRecordedJudgementSetsTheStatusTalliesFailuresAndNeedsAReasonToChange() {
        String id = trial.asClinician(() -> screening.screen(trial.studyId(), new NewCandidate("Judged Person",
                LocalDate.now(), "+86 138 0000 9999", null, "zh-CN", "Asia/Shanghai", null)));
        assertThatThrownBy(() -> trial.asClinician(() -> screening.assessEligibility(id,
                measures("bpi_worst", 5), Map.of("I1", true), null))).isInstanceOf(ValidationException.class);

        trial.asClinician(() -> screening.assessEligibility(id, measures("bpi_worst", 5, "bmd_t_score", -3.1),
                TrialFixture.ELIGIBLE_ANSWERS, null));
        assertThat(trial.asClinician(() -> screening.screenFailures(trial.studyId()))).containsEntry("E4", 1L)
                .containsEntry("I5", 0L);

        assertThatThrownBy(() -> trial.asClinician(() -> screening.assessEligibility(id,
                TrialFixture.ELIGIBLE_MEASURES, TrialFixture.ELIGIBLE_ANSWERS, " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsKey("reason"));
        trial.asClinician(() -> screening.assessEligibility(id, TrialFixture.ELIGIBLE_MEASURES,
                TrialFixture.ELIGIBLE_ANSWERS, "Repeat DXA scan: T-score -1.0"));
        assertThat(trial.asClinician(() -> screening.screenFailures(trial.studyId()))).containsEntry("E4", 0L);
    }
}
