package org.researchportal.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The due dates of an arm's calls for one participant, in their own calendar. Each is counted from the day of
 * randomisation, never from the call before, so month ends do not drift: randomised on 31 January, the monthly calls
 * fall on 28 (or 29) February, 31 March, 30 April.
 */
final class CallSchedule {

    /** One call of the plan: its number, due date and window. */
    record Slot(int number, LocalDate dueOn, LocalDate windowFrom, LocalDate windowTo) {}

    private CallSchedule() {
    }

    static List<Slot> of(LocalDate randomisedOn, FollowUpPlanSettings plan) {
        List<Slot> slots = new ArrayList<>();
        for (int n = 1; n <= plan.calls(); n++) {
            LocalDate due = randomisedOn.plusMonths(plan.firstAfterMonths() + (long) (n - 1) * plan.intervalMonths());
            slots.add(new Slot(n, due, due.minusDays(plan.windowDays()), due.plusDays(plan.windowDays())));
        }
        return slots;
    }
}
