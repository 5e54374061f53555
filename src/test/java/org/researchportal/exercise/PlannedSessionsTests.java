package org.researchportal.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the sessions planned in a window ending today: weekdays counted, nothing before the start. */
class PlannedSessionsTests {

    private static Programme monWedFriFrom(LocalDate start) {
        return new Programme("p", "s", "m", 1, "re_ms_standard", start, List.of(DayOfWeek.MONDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), List.of(), List.of(), Instant.EPOCH);
    }

    @Test
    void sevenDaysHoldEachWeekdayOnceWhereverTheWindowStarts() {
        Programme programme = monWedFriFrom(LocalDate.of(2026, 1, 1));
        // Sunday 22 November 2026: the window Mon 16 - Sun 22 holds Mon, Wed, Fri.
        assertThat(ProgressFigures.planned(programme, LocalDate.of(2026, 11, 22), 7)).isEqualTo(3);
        // Wednesday 25 November: the window Thu 19 - Wed 25 holds Fri 20, Mon 23, Wed 25.
        assertThat(ProgressFigures.planned(programme, LocalDate.of(2026, 11, 25), 7)).isEqualTo(3);
        assertThat(ProgressFigures.planned(programme, LocalDate.of(2026, 11, 22), 28)).isEqualTo(12);
    }

    @Test
    void daysBeforeTheStartAreNotPlanned() {
        // Started Thursday 19 November; on Sunday 22 November only Friday 20 lies in the programme.
        Programme programme = monWedFriFrom(LocalDate.of(2026, 11, 19));
        assertThat(ProgressFigures.planned(programme, LocalDate.of(2026, 11, 22), 7)).isEqualTo(1);
        assertThat(ProgressFigures.planned(programme, LocalDate.of(2026, 11, 22), 28)).isEqualTo(1);
        assertThat(ProgressFigures.planned(null, LocalDate.of(2026, 11, 22), 7)).isZero();
    }
}
