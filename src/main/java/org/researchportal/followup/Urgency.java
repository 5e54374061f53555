package org.researchportal.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How pressing an open call is on the participant's today: overdue once its window has passed, due today (its due
 * day, or the day they asked to be called back), in its window, opening within the week, or later.
 */
public enum Urgency {
    OVERDUE, DUE_TODAY, IN_WINDOW, THIS_WEEK, LATER, CLOSED;

    static Urgency of(FollowUpCall call, LocalDate today, java.time.ZoneId zone) {
        if (call.getStatus() != CallStatus.OPEN) {
            return CLOSED;
        }
        Instant next = call.getNextTryAfter();
        LocalDate nextDay = next == null ? null : next.atZone(zone).toLocalDate();
        if (today.isAfter(call.getWindowTo()) && (nextDay == null || !nextDay.isAfter(today))) {
            return OVERDUE;
        }
        if (today.equals(nextDay) || (nextDay == null && today.equals(call.getDueOn()))) {
            return DUE_TODAY;
        }
        if (!today.isBefore(call.getWindowFrom()) && !today.isAfter(call.getWindowTo())) {
            return IN_WINDOW;
        }
        return call.getWindowFrom().isAfter(today.plusDays(7)) ? LATER : THIS_WEEK;
    }

    public String messageKey() {
        return "call.urgency." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
