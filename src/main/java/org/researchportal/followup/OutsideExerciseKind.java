package org.researchportal.followup;

import java.util.Locale;

/** The kinds of exercise outside the study a call asks about, a fixed list so that the report can count them. */
public enum OutsideExerciseKind {
    WALKING,
    RUNNING_OR_CYCLING,
    SWIMMING,
    STRENGTH_OR_GYM,
    /** Yoga, tai chi, qigong or pilates. */
    MIND_BODY,
    DANCE,
    /** Physiotherapy or rehabilitation. */
    PHYSIOTHERAPY,
    OTHER;

    public String messageKey() {
        return "contamination.kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
