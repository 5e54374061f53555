package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Monthly follow-up dates count from enrolment, so they stay right at month ends. */
class MonthlyCallDatesTests {

    private static LocalDate next(String enrolled, String today) {
        return ParticipantService.nextMonthlyCall(LocalDate.parse(enrolled), LocalDate.parse(today));
    }

    @Test
    void theFirstCallIsAMonthAfterEnrolment() {
        assertThat(next("2026-03-10", "2026-03-10")).isEqualTo("2026-04-10");
        assertThat(next("2026-03-10", "2026-03-25")).isEqualTo("2026-04-10");
    }

    @Test
    void aCallDueTodayIsToday() {
        assertThat(next("2026-03-10", "2026-06-10")).isEqualTo("2026-06-10");
    }

    @Test
    void monthEndsDoNotDrift() {
        assertThat(next("2026-01-31", "2026-02-01")).isEqualTo("2026-02-28");
        assertThat(next("2026-01-31", "2026-03-01")).isEqualTo("2026-03-31");
        assertThat(next("2026-01-31", "2026-04-01")).isEqualTo("2026-04-30");
        assertThat(next("2028-01-31", "2028-02-01")).isEqualTo("2028-02-29");
    }

    @Test
    void yearsLaterItIsStillTheSameDayOfMonth() {
        assertThat(next("2026-01-15", "2029-07-16")).isEqualTo("2029-08-15");
    }
}
