package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.base.expression.Expression;

/** Each standard check fires on wrong data and stays quiet on its boundary. */
class StandardEditChecksTests {

    private static final List<CheckDefinition> STANDARD = StandardEditChecks.forSchedule(List.of("bpi_sf"));

    private static boolean fires(String code, Map<String, String> values) {
        CheckDefinition check = STANDARD.stream().filter(c -> code.equals(c.code())).findFirst().orElseThrow();
        return Expression.parse(check.expression()).evaluate(CheckAnswers.of(values, Map.of(), LocalDate.of(2026,
                12, 6))).isTrue();
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    @Test
    void worstPainBelowLeastPain() {
        assertThat(fires("bpi_worst_below_least", values("worst", "3", "least", "4"))).isTrue();
        assertThat(fires("bpi_worst_below_least", values("worst", "4", "least", "4"))).isFalse();
        assertThat(fires("bpi_worst_below_least", values("least", "4"))).isFalse();
    }

    @Test
    void gripTrialsMoreThanThirtyPercentApart() {
        assertThat(fires("grip_right_trials_apart", values("right_1", "20", "right_2", "14", "right_3", "20")))
                .isFalse();
        assertThat(fires("grip_right_trials_apart", values("right_1", "20", "right_2", "13.9", "right_3", "20")))
                .isTrue();
        assertThat(fires("grip_left_trials_apart", values("left_1", "10", "left_2", "6.9"))).isTrue();
        assertThat(fires("grip_left_trials_apart", values("left_1", "10", "left_2", "7"))).isFalse();
        assertThat(fires("grip_left_trials_apart", values("right_1", "10", "right_2", "2"))).isFalse();
    }

    @Test
    void anAssessmentDatedOutsideItsWindow() {
        String window = "outside_window_bpi_sf";
        assertThat(fires(window, values("assessedOn", "2026-11-01", "windowOpens", "2026-11-01", "windowCloses",
                "2026-11-15"))).isFalse();
        assertThat(fires(window, values("assessedOn", "2026-11-15", "windowOpens", "2026-11-01", "windowCloses",
                "2026-11-15"))).isFalse();
        assertThat(fires(window, values("assessedOn", "2026-10-31", "windowOpens", "2026-11-01", "windowCloses",
                "2026-11-15"))).isTrue();
        assertThat(fires(window, values("assessedOn", "2026-11-16", "windowOpens", "2026-11-01", "windowCloses",
                "2026-11-15"))).isTrue();
        // A participant not enrolled has no window: nothing to be outside of.
        assertThat(fires(window, values("assessedOn", "2026-11-16"))).isFalse();
    }

    @Test
    void aromataseInhibitorStoppedWithoutAStopDate() {
        assertThat(fires("ai_stopped_without_date", values("still_taking", "0"))).isTrue();
        assertThat(fires("ai_stopped_without_date", values("still_taking", "0", "stopped_on", "2026-10-01")))
                .isFalse();
        assertThat(fires("ai_stopped_without_date", values("still_taking", "1"))).isFalse();
    }

    @Test
    void anAdverseEventEndingBeforeItBegan() {
        assertThat(fires("ae_resolved_before_onset", values("onset", "2026-11-10", "resolvedOn", "2026-11-09")))
                .isTrue();
        assertThat(fires("ae_resolved_before_onset", values("onset", "2026-11-10", "resolvedOn", "2026-11-10")))
                .isFalse();
        assertThat(fires("ae_resolved_before_onset", values("onset", "2026-11-10"))).isFalse();
    }
}
