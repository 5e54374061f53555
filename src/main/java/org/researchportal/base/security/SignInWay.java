package org.researchportal.base.security;

/**
 * How the signed-in person proved who they are, kept with what they answer themselves (a participant's questionnaire
 * says "answered by the participant, identified by ..."). Never a right: it is only what happened.
 */
public enum SignInWay {
    /** Their username and password (the embedded default's sign-in). */
    PASSWORD,
    /** The hospital's single sign-on (OpenID Connect). */
    SINGLE_SIGN_ON,
    /** A link sent to them by SMS or email, alone (reminders to the home page or exercises). */
    LINK,
    /** A questionnaire link and a one-time code sent to their phone by SMS. */
    LINK_AND_SMS_CODE,
    /** A questionnaire link and their year of birth, the fact the study chose. */
    LINK_AND_BIRTH_YEAR;

    /** Its name in messages and audit actions: {@code link-and-sms-code}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The bundle key of its words ("link and SMS code"). */
    public String messageKey() {
        return "sign-in-way." + code();
    }
}
