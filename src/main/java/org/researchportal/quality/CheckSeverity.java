package org.researchportal.quality;

import java.util.Locale;

/** What a failing edit check does at save. */
public enum CheckSeverity {
    /** Refuses the save, with the check's message at its field. */
    HARD,
    /** Saves, and opens a query on the check's field ({@link EditCheckFailed}). */
    SOFT;

    public String messageKey() {
        return "edit-check.severity." + name().toLowerCase(Locale.ROOT);
    }
}
