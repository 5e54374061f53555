package org.researchportal.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Due dates from randomisation at month ends, windows, and urgency on the participant's own calendar. */
class CallScheduleTests {

    private static final FollowUpPlanSettings MONTHLY = new FollowUpPlanSettings(1, 1, 4, 7, 3, 4,
            new CallScript("Hello", "您好", List.of(CallQuestion.JOINT_PAIN)));

    private static List<LocalDate> dues(String randomised) {
        return CallSchedule.of(LocalDate.parse(randomised), MONTHLY).stream().map(CallSchedule.Slot::dueOn).toList();
    }

    @Test
    void monthEndsDoNotDriftFromCallToCall() {
        assertThat(dues("2026-01-31")).containsExactly(LocalDate.parse("2026-02-28"), LocalDate.parse("2026-03-31"),
                LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-31"));
        assertThat(dues("2028-01-31").getFirst()).as("a leap year").isEqualTo("2028-02-29");
        assertThat(dues("2026-03-10")).containsExactly(LocalDate.parse("2026-04-10"), LocalDate.parse("2026-05-10"),
                LocalDate.parse("2026-06-10"), LocalDate.parse("2026-07-10"));
    }

    @Test
    void eachCallHasItsWindowAroundTheDueDate() {
        CallSchedule.Slot first = CallSchedule.of(LocalDate.parse("2026-01-31"), MONTHLY).getFirst();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.windowFrom()).isEqualTo("2026-02-21");
        assertThat(first.windowTo()).isEqualTo("2026-03-07");
        var quarterly = new FollowUpPlanSettings(3, 3, 2, 0, 3, 4, MONTHLY.script());
        assertThat(CallSchedule.of(LocalDate.parse("2026-11-30"), quarterly)).extracting(CallSchedule.Slot::dueOn)
                .containsExactly(LocalDate.parse("2027-02-28"), LocalDate.parse("2027-05-30"));
    }

    @Test
    void urgencyIsJudgedOnTheParticipantsCalendar() {
        var call = new FollowUpCall("p", "s", "CONTROL", 1, LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-30"), Instant.EPOCH);
        // 17:00 UTC on 22 November is already the 23rd in Shanghai, still the 22nd in London.
        Instant at = Instant.parse("2026-11-22T17:00:00Z");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(Urgency.of(call, at.atZone(shanghai).toLocalDate(), shanghai)).isEqualTo(Urgency.DUE_TODAY);
        assertThat(Urgency.of(call, at.atZone(london).toLocalDate(), london)).isEqualTo(Urgency.IN_WINDOW);
        assertThat(Urgency.of(call, LocalDate.parse("2026-12-01"), london)).isEqualTo(Urgency.OVERDUE);
        assertThat(Urgency.of(call, LocalDate.parse("2026-11-10"), london)).isEqualTo(Urgency.THIS_WEEK);
        assertThat(Urgency.of(call, LocalDate.parse("2026-11-01"), london)).isEqualTo(Urgency.LATER);
    }
}
