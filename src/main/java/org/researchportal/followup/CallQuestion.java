package org.researchportal.followup;

import java.util.Locale;

/** The structured questions a call script can ask, in the order a call asks them. */
public enum CallQuestion {
    /** Still taking the aromatase inhibitor, and doses missed in the last month. */
    AROMATASE_INHIBITOR,
    /** Side effects of endocrine therapy and the participant's concerns about it. */
    SIDE_EFFECTS,
    /** Joint pain in the last week, 0-10. */
    JOINT_PAIN,
    /** Exercise done in the last month (the exercise arm's adherence). */
    EXERCISE,
    /**
     * Exercise done outside the study in the last month: whether any, which kinds and about how many minutes a week
     * (contamination, above all of the control arm).
     */
    OUTSIDE_EXERCISE,
    /** New health problems since the last call: these go to a clinician to review as a possible adverse event. */
    NEW_HEALTH_PROBLEMS,
    /** Counselling and health education topics covered on the call. */
    COUNSELLING;

    public String messageKey() {
        return "call.question." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
