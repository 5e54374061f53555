package org.researchportal.study;

import java.util.List;

/**
 * How a study asks its participants for the questionnaires they complete themselves: the invitation goes out the day
 * a timepoint's window opens, a reminder on each of {@code reminderDays} (days after it opened) while the window is
 * open and the answers are not in; and how a questionnaire link checks who is answering before it opens.
 */
public record QuestionnaireSettings(List<Integer> reminderDays, IdentityCheck identityCheck) {

    /** At most this many reminders, so a participant is not pestered. */
    public static final int MAX_REMINDERS = 5;
    /** A reminder at most this many days after the window opened (no window in a schedule is longer). */
    public static final int MAX_REMINDER_DAY = 60;

    /** What a study gets until its administrator chooses: reminders 2 and 5 days after opening, a code by SMS. */
    public static final QuestionnaireSettings DEFAULT = new QuestionnaireSettings(List.of(2, 5),
            IdentityCheck.SMS_CODE);

    public QuestionnaireSettings {
        reminderDays = reminderDays == null ? List.of() : List.copyOf(reminderDays);
        identityCheck = identityCheck == null ? IdentityCheck.SMS_CODE : identityCheck;
    }

    /**
     * The light check of who is answering when a questionnaire link is opened on a device that is not signed in as
     * the participant already (signed in, nothing more is asked).
     */
    public enum IdentityCheck {
        /** A six-digit code sent to her phone by SMS, to type in. */
        SMS_CODE,
        /** Her year of birth, as the clinician recorded it. */
        BIRTH_YEAR
    }
}
