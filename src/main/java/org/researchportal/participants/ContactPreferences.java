package org.researchportal.participants;

import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * How a participant likes to be reached: the time of day for reminders, and the hours not to be disturbed (which
 * may run across midnight), in their own time zone. Which channels they agreed to is part of their consent.
 */
public record ContactPreferences(String timeZone, @Nullable LocalTime reminderTime, @Nullable LocalTime quietFrom,
        @Nullable LocalTime quietUntil) {

    public static final LocalTime DEFAULT_REMINDER = LocalTime.of(9, 0);
    public static final LocalTime DEFAULT_QUIET_FROM = LocalTime.of(21, 0);
    public static final LocalTime DEFAULT_QUIET_UNTIL = LocalTime.of(8, 0);

    /** Whether a time of day falls in the quiet hours. */
    public boolean quietAt(LocalTime time) {
        return quietFrom.isAfter(quietUntil) ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
    }
}
