package org.researchportal.followup;

import java.util.Locale;

/** Side effects of endocrine therapy that participants commonly report (the Cochrane review's AIMSS and others). */
public enum SideEffect {
    JOINT_PAIN, STIFFNESS, MUSCLE_PAIN, HAND_SYMPTOMS, HOT_FLUSHES, FATIGUE, SLEEP, MOOD, VAGINAL_DRYNESS, OTHER;

    public String messageKey() {
        return "call.side-effect." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
