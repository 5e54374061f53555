package org.researchportal.participants;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a participant likes to be called, chosen from set periods so that every screen can say it in the reader's
 * language and a reminder can name the hours. Stored as its code; a preferred time typed as free text (imported
 * records) is kept and shown as it was written.
 */
public enum PreferredCallTime {
    MORNING("09:00-12:00"), MIDDAY("12:00-14:00"), AFTERNOON("14:00-17:00"), EVENING("18:00-20:00");

    private final String hours;

    PreferredCallTime(String hours) {
        this.hours = hours;
    }

    /** The hours as a reminder names them, e.g. 14:00-17:00. */
    public String hours() {
        return hours;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "call-time." + code();
    }

    /** The period a stored preference names, if it is one of these (not free text). */
    public static Optional<PreferredCallTime> of(@Nullable String stored) {
        return stored == null ? Optional.empty()
                : Arrays.stream(values()).filter(t -> t.code().equals(stored.trim())).findFirst();
    }
}
