package org.researchportal.exercise;

import java.util.List;
import java.util.Locale;

/**
 * One exercise of the manual: what it is for, how to do it step by step, how much, how it progresses, what to watch
 * for and when to stop. Bilingual. Its video lives in the study's video library, by the exercise's code, so a new
 * recording does not need a new edition of the manual.
 */
public record ManualExercise(String code, Phase phase, Region region, Text title, Text purpose, List<Text> steps,
        Dosage dosage, List<Text> progression, Text safety, Text stopRule) {

    public enum Phase {
        WARM_UP, FUNCTIONAL, COOL_DOWN;

        public String messageKey() {
            return "exercise.phase." + name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Region {
        WHOLE_BODY, HANDS, ARMS, SHOULDERS, HIPS, LEGS, BACK;

        public String messageKey() {
            return "exercise.region." + name().toLowerCase(Locale.ROOT);
        }
    }
}
