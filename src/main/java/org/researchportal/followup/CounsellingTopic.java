package org.researchportal.followup;

import java.util.Locale;

/** Counselling and health education topics a call can cover (the control arm's standard guidance). */
public enum CounsellingTopic {
    ENDOCRINE_THERAPY, ADHERENCE, EXERCISE_AND_ACTIVITY, BONE_HEALTH, PAIN_MANAGEMENT, PSYCHOLOGICAL_SUPPORT, DIET,
    OTHER;

    public String messageKey() {
        return "call.topic." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
