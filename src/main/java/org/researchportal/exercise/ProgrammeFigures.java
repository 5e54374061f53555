package org.researchportal.exercise;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A participant's programme in figures for the caseload: days with a session in the last 7 and 28 days against the
 * sessions planned in them, the last session with its pain (the worse of before and after), and open alerts.
 */
public record ProgrammeFigures(int sessionDaysLast7, int plannedLast7, int sessionDaysLast28, int plannedLast28,
        @Nullable LocalDate lastSession, @Nullable Integer lastPain, long openAlerts) {
}
