package org.researchportal.followup;

import java.util.Locale;

/** Where a planned call stands. Only an open call takes attempts. */
public enum CallStatus {
    OPEN, COMPLETED, DECLINED, MISSED, CANCELLED;

    public String messageKey() {
        return "call.status." + name().toLowerCase(Locale.ROOT);
    }
}
