package org.researchportal.exercise;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A participant's programme in figures for the caseload: days with a session in the last 7 and 28 days against the
 * sessions planned in them, the last session with its pain (the worse of before and after) and the pain's trend
 * (the last week with sessions against the one before), and open alerts.
 */
public record ProgrammeFigures(int sessionDaysLast7, int plannedLast7, int sessionDaysLast28, int plannedLast28,
        @Nullable LocalDate lastSession, @Nullable Integer lastPain, @Nullable PainTrend painTrend, long openAlerts) {

    /** How the weekly average of joint pain after sessions moved: by a whole point or more, or not. */
    public enum PainTrend {
        RISING, STEADY, FALLING;

        public String messageKey() {
            return "pain-trend." + name().toLowerCase(Locale.ROOT);
        }

        static @Nullable PainTrend between(List<WeekFigures> weeksWithSessions) {
            if (weeksWithSessions.size() < 2) {
                return null;
            }
            double last = weeksWithSessions.getLast().painAfter();
            double before = weeksWithSessions.get(weeksWithSessions.size() - 2).painAfter();
            return last - before >= 1 ? RISING : before - last >= 1 ? FALLING : STEADY;
        }
    }
}
