package org.researchportal.messaging;

import java.util.Locale;

/** Why a message is sent: each purpose has its own templates and its own place in the schedule. */
public enum MessagePurpose {
    SESSION_REMINDER, VIDEO_LINK, CALL_REMINDER, ASSESSMENT_DUE, SERIOUS_ADVERSE_EVENT, PROGRAMME_ALERT, TEST,
    ACCOUNT_INVITATION, DATA_QUERY;

    public String messageKey() {
        return "message.purpose." + name().toLowerCase(Locale.ROOT);
    }
}
