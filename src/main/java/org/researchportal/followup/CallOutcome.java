package org.researchportal.followup;

import java.util.Locale;

/** How one attempt to reach the participant ended. */
public enum CallOutcome {
    COMPLETED, NO_ANSWER, VOICEMAIL, WRONG_NUMBER, DECLINED, CALL_BACK;

    /** Attempts that count towards the limit after which the call is missed. */
    public boolean counts() {
        return this == NO_ANSWER || this == VOICEMAIL;
    }

    public String messageKey() {
        return "call.outcome." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
