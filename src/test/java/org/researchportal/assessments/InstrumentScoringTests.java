package org.researchportal.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.base.ValidationException;

/** Worked examples for every RE-MS instrument, including each missing-item rule. */
class InstrumentScoringTests {

    private static Map<String, Double> scored(Instrument instrument, Map<String, String> answers) {
        return InstrumentScoring.scores(instrument, InstrumentScoring.validated(instrument, answers));
    }

    private static Map<String, String> refusal(Instrument instrument, Map<String, String> answers) {
        try {
            InstrumentScoring.validated(instrument, answers);
        } catch (ValidationException e) {
            return e.fieldMessageKeys();
        }
        return Map.of();
    }

    @Test
    void bpiSeverityIsTheMeanOfTheFourPainItems() {
        var bpi = StandardInstruments.briefPainInventory();
        Map<String, String> answers = new HashMap<>(Map.of("worst", "7", "least", "2", "average", "4", "now", "3"));
        answers.putAll(Map.of("interference_mood", "5", "interference_sleep", "6", "interference_walking", "2",
                "interference_work", "3"));
        assertThat(scored(bpi, answers)).containsEntry("pain_severity", 4.0).containsEntry("pain_interference", 4.0);
    }

    @Test
    void bpiInterferenceNeedsAtLeastFourOfSevenItems() {
        var bpi = StandardInstruments.briefPainInventory();
        var threeAnswered = Map.of("worst", "7", "least", "2", "average", "4", "now", "3", "interference_mood", "5",
                "interference_sleep", "6", "interference_walking", "2");
        assertThat(scored(bpi, threeAnswered)).containsOnlyKeys("pain_severity");
        var allSeven = new HashMap<>(threeAnswered);
        allSeven.putAll(Map.of("interference_work", "1", "interference_relations", "0",
                "interference_enjoyment", "4", "interference_general_activity", "3"));
        assertThat(scored(bpi, allSeven)).containsEntry("pain_interference", 3.0);
    }

    @Test
    void bpiPainItemsAreRequiredAndZeroToTen() {
        var bpi = StandardInstruments.briefPainInventory();
        assertThat(refusal(bpi, Map.of("worst", "11", "least", "2", "average", "4")))
                .containsEntry("item.worst", "assessment.item.out-of-range")
                .containsEntry("item.now", "assessment.item.required");
        assertThat(refusal(bpi, Map.of("worst", "4.5", "least", "2", "average", "4", "now", "1")))
                .containsKey("item.worst");
    }

    @Test
    void aFractionInAWholeNumberItemIsRefusedAsNotAWholeNumberNotAsOutOfRange() {
        var bpi = StandardInstruments.briefPainInventory();
        assertThat(refusal(bpi, Map.of("worst", "2.5", "least", "2", "average", "4", "now", "1")))
                .containsEntry("item.worst", "assessment.item.whole-number");
        assertThat(refusal(bpi, Map.of("worst", "12", "least", "2", "average", "4", "now", "1")))
                .containsEntry("item.worst", "assessment.item.out-of-range");
    }

    @Test
    void theScoresLeftUncomputedByTheMissingItemRuleAreNamed() {
        var bpi = StandardInstruments.briefPainInventory();
        var threeAnswered = Map.of("worst", "7", "least", "2", "average", "4", "now", "3", "interference_mood", "5",
                "interference_sleep", "6", "interference_walking", "2");
        assertThat(InstrumentScoring.notComputed(bpi, threeAnswered)).singleElement()
                .satisfies(s -> {
                    assertThat(s.code()).isEqualTo("pain_interference");
                    assertThat(InstrumentScoring.answered(s, threeAnswered)).isEqualTo(3);
                });
        var fourAnswered = new HashMap<>(threeAnswered);
        fourAnswered.put("interference_work", "1");
        assertThat(InstrumentScoring.notComputed(bpi, fourAnswered)).isEmpty();
    }

    @Test
    void stiffnessNeedsTheRatingAndMorningMinutes() {
        var stiffness = StandardInstruments.stiffness();
        assertThat(scored(stiffness, Map.of("stiffness", "6", "morning_minutes", "45"))).isEmpty();
        assertThat(refusal(stiffness, Map.of("stiffness", "6", "morning_minutes", "-5")))
                .containsEntry("item.morning_minutes", "assessment.item.out-of-range");
    }

    @Test
    void gripGivesMaximumAndMeanPerHandFromTheTrialsDone() {
        var grip = StandardInstruments.gripStrength();
        var answers = Map.of("right_1", "22.5", "right_2", "24.0", "right_3", "23.1", "left_1", "18.0",
                "left_2", "19.0");
        assertThat(scored(grip, answers)).containsEntry("right_max", 24.0).containsEntry("right_mean", 23.2)
                .containsEntry("left_max", 19.0).containsEntry("left_mean", 18.5);
        assertThat(scored(grip, Map.of("right_1", "20"))).containsOnlyKeys("right_max", "right_mean");
        assertThat(refusal(grip, Map.of("right_1", "120"))).containsKey("item.right_1");
    }

    @Test
    void adherenceAsksForTheStopDateOnlyWhenStopped() {
        var adherence = StandardInstruments.adherence();
        assertThat(refusal(adherence, Map.of("still_taking", "1", "missed_doses_30d", "2"))).isEmpty();
        assertThat(refusal(adherence, Map.of("still_taking", "1")))
                .containsEntry("item.missed_doses_30d", "assessment.item.required");
        assertThat(refusal(adherence, Map.of("still_taking", "0")))
                .containsKeys("item.stopped_on", "item.stop_reason").doesNotContainKey("item.missed_doses_30d");
        assertThat(refusal(adherence, Map.of("still_taking", "0", "stopped_on", "2026-02-30", "stop_reason",
                "Joint pain"))).containsEntry("item.stopped_on", "assessment.item.invalid");
        assertThat(refusal(adherence, Map.of("still_taking", "maybe"))).containsKey("item.still_taking");
        assertThat(refusal(adherence, Map.of("still_taking", "yes"))).as("yes/no answers are REDCap's 1 and 0")
                .containsKey("item.still_taking");
    }

    @Test
    void theAnswersOfItemsTheBranchingHidesAreNotKept() {
        var adherence = StandardInstruments.adherence();
        assertThat(InstrumentScoring.validated(adherence, Map.of("still_taking", "1", "missed_doses_30d", "2",
                "stopped_on", "2026-01-05", "stop_reason", "typed before she said she still takes it")))
                .containsOnlyKeys("still_taking", "missed_doses_30d");
        assertThat(InstrumentScoring.shownItems(adherence, Map.of("still_taking", "0")))
                .containsExactly("still_taking", "stopped_on", "stop_reason");
        assertThat(InstrumentScoring.shownItems(adherence, Map.of())).containsExactly("still_taking");
    }

    @Test
    void theDemoQualityOfLifeTotalNeedsEveryItem() {
        var qol = StandardInstruments.demoQualityOfLife();
        assertThat(scored(qol, Map.of("physical", "3", "emotional", "4", "social", "5", "daily", "2", "overall", "4")))
                .containsEntry("qol_total", 18.0);
        assertThat(refusal(qol, Map.of("physical", "3", "emotional", "0"))).containsEntry("item.emotional",
                "assessment.item.out-of-range").containsEntry("item.overall", "assessment.item.required");
    }

    @Test
    void unknownItemsAreRefused() {
        assertThat(refusal(StandardInstruments.stiffness(), Map.of("stiffness", "2", "morning_minutes", "0",
                "arm", "EXERCISE"))).containsEntry("item.arm", "assessment.item.unknown");
    }
}
