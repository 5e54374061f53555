package org.researchportal.base.clinical;

import java.util.Locale;

/** The kinds of case report form a participant's clinical data is kept in. */
public enum FormKind {
    /** An instrument (questionnaire or measurement) at a timepoint of the schedule. */
    INSTRUMENT,
    /** One adverse event. */
    ADVERSE_EVENT,
    /** The participant's informed consent. */
    CONSENT,
    /** The participant's eligibility assessment. */
    ELIGIBILITY,
    /** One monthly follow-up call's answers. */
    FOLLOW_UP_CALL;

    /** The form's code for kinds that are not instruments, e.g. {@code adverse_event}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The translation key of the kind's name. */
    public String messageKey() {
        return "form-kind." + code();
    }
}
