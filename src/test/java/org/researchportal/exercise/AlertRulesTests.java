package org.researchportal.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the pain rule: baseline from the first three sessions, alert at 2 or more above it. */
class AlertRulesTests {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    private static SessionRecord session(int day, int before, int after) {
        return new SessionRecord("s" + day, MONDAY.plusDays(day), List.of("march"), 30, 3, before, after, null,
                false, Instant.parse("2026-11-16T08:00:00Z").plusSeconds(day * 86_400L));
    }

    @Test
    void withoutThreeSessionsThereIsNoBaselineAndNoAlert() {
        assertThat(AlertRules.baseline(List.of(session(0, 2, 2), session(2, 2, 2)))).isEmpty();
        assertThat(AlertRules.painRise(List.of(session(0, 2, 2), session(2, 2, 2)), session(4, 9, 9))).isFalse();
    }

    @Test
    void theBaselineIsTheFirstThreeSessionsPainBeforeWhateverTheOrderGiven() {
        // Pain before 2, 3, 4 over the first three sessions: baseline 3.0; the later 8 does not count.
        var sessions = List.of(session(7, 8, 8), session(2, 4, 4), session(0, 2, 3), session(1, 3, 3));
        assertThat(AlertRules.baseline(sessions)).hasValue(3.0);
    }

    @Test
    void painTwoAboveBaselineBeforeOrAfterRaisesAnAlertAndOneAboveDoesNot() {
        var earlier = List.of(session(0, 2, 2), session(2, 3, 3), session(4, 4, 4));
        assertThat(AlertRules.painRise(earlier, session(7, 4, 4))).isFalse();
        assertThat(AlertRules.painRise(earlier, session(7, 3, 5))).isTrue();
        assertThat(AlertRules.painRise(earlier, session(7, 5, 2))).isTrue();
    }

    @Test
    void aFractionalBaselineNeedsTheWholeTwoPoints() {
        // Baseline (2 + 2 + 3) / 3 = 2.33: pain 4 is 1.67 above, pain 5 is 2.67 above.
        var earlier = List.of(session(0, 2, 2), session(1, 2, 2), session(2, 3, 3));
        assertThat(AlertRules.painRise(earlier, session(3, 4, 4))).isFalse();
        assertThat(AlertRules.painRise(earlier, session(3, 5, 5))).isTrue();
    }

    /** The manual's rule (stop at a rise of 2) holds within a session, from the very first one. */
    @Test
    void aRiseOfTwoDuringASessionRaisesAnAlertWithoutABaseline() {
        assertThat(AlertRules.painRise(List.of(), session(0, 3, 6))).isTrue();
        assertThat(AlertRules.painRise(List.of(), session(0, 3, 5))).isTrue();
        assertThat(AlertRules.painRise(List.of(), session(0, 3, 4))).isFalse();
        assertThat(AlertRules.painRise(List.of(), session(0, 6, 3))).as("pain that eased").isFalse();
    }
}
