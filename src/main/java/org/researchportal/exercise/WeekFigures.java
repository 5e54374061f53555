package org.researchportal.exercise;

import java.time.LocalDate;

/**
 * One week of a participant's programme: programme days planned, sessions logged and the days they fell on, minutes,
 * and the week's averages of exertion (Borg CR10) and joint pain before and after (0-10); a week without sessions
 * has zeros and {@link #hasSessions()} false.
 */
public record WeekFigures(LocalDate weekStart, int planned, int sessions, int sessionDays, int minutes,
        double exertion, double painBefore, double painAfter, int worstPain, int safetyStops) {

    public boolean hasSessions() {
        return sessions > 0;
    }

    static WeekFigures empty(LocalDate weekStart, int planned) {
        return new WeekFigures(weekStart, planned, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
