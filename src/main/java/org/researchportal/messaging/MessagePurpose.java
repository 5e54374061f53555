package org.researchportal.messaging;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Why a message is sent: each purpose has its own templates and its own place in the schedule. */
public enum MessagePurpose {
    SESSION_REMINDER, VIDEO_LINK, CALL_REMINDER, ASSESSMENT_DUE, SERIOUS_ADVERSE_EVENT, PROGRAMME_ALERT, TEST,
    ACCOUNT_INVITATION, DATA_QUERY, QUESTIONNAIRE_INVITATION, QUESTIONNAIRE_REMINDER,
    /** The one-time code of a questionnaire link's identity check: she asked for it, so it goes at once. */
    IDENTITY_CODE;

    /** What the schedule plans for a participant of a running study; none once its database is locked. */
    public static final Set<MessagePurpose> REMINDERS = Collections.unmodifiableSet(EnumSet.of(SESSION_REMINDER,
            VIDEO_LINK, CALL_REMINDER, ASSESSMENT_DUE, QUESTIONNAIRE_INVITATION, QUESTIONNAIRE_REMINDER));

    /** Whether the participant's quiet hours hold the message back (not what she is waiting for this minute). */
    public boolean heldByQuietHours() {
        return this != IDENTITY_CODE;
    }

    public String messageKey() {
        return "message.purpose." + name().toLowerCase(Locale.ROOT);
    }
}
