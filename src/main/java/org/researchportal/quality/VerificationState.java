package org.researchportal.quality;

import java.util.Locale;

/** Where a form stands in source-data verification. */
public enum VerificationState {
    /** No monitor has verified it. */
    NOT_VERIFIED,
    /** A monitor checked it against the source and nothing changed since. */
    VERIFIED,
    /** It was verified, then its data changed: it needs verifying again. */
    CLEARED;

    public String messageKey() {
        return "sdv.state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
