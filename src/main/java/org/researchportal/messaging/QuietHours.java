package org.researchportal.messaging;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.researchportal.participants.ContactPreferences;

/**
 * The hours a participant is not to be disturbed, in their own time zone (for example 21:00 to 08:00, across
 * midnight). A send that falls inside them moves to the end of the quiet period; on a daylight-saving day the end
 * is the first valid local time at or after it.
 */
record QuietHours(LocalTime start, LocalTime end) {

    static final QuietHours DEFAULT = new QuietHours(ContactPreferences.DEFAULT_QUIET_FROM,
            ContactPreferences.DEFAULT_QUIET_UNTIL);

    static QuietHours of(ContactPreferences preferences) {
        return new QuietHours(preferences.quietFrom(), preferences.quietUntil());
    }

    Instant adjust(Instant due, ZoneId zone) {
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean acrossMidnight = start.isAfter(end);
        if (!new ContactPreferences(zone.getId(), null, start, end).quietAt(time)) {
            return due;
        }
        var endDate = acrossMidnight && !time.isBefore(start) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        // ZonedDateTime.of moves a time that does not exist (the spring-forward gap) to the valid time after it.
        return ZonedDateTime.of(endDate, end, zone).toInstant();
    }
}
