package org.researchportal.followup;

import java.util.Map;

/**
 * The coordinator dashboard's figures: of the calls due this month (in each participant's calendar), how many were
 * completed; the open calls past their window; this month's attempts by outcome; open escalations.
 */
public record CallFigures(long dueThisMonth, long completedThisMonth, long overdue, long dueToday,
        Map<CallOutcome, Long> attemptsByOutcome, long openEscalations) {

    /** The completion rate in percent, or -1 when nothing is due this month. */
    public int completionPercent() {
        return dueThisMonth == 0 ? -1 : (int) Math.round(100.0 * completedThisMonth / dueThisMonth);
    }
}
