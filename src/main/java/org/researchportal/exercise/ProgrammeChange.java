package org.researchportal.exercise;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A change to a programme: who, when, what and why. What is kept as codes (the template prescribed, or the exercise
 * adjusted and its new level), so each reader sees it in their own language with the manual's titles. An adjustment
 * keeps its new dosage too, so the prescription in force on any day can be told for adherence (null on changes kept
 * before it was recorded).
 */
public record ProgrammeChange(Instant at, String by, Action action, String code, @Nullable Integer level,
        String reason, @Nullable Dosage dosage) {

    public enum Action {
        PRESCRIBED, ADJUSTED;

        public String messageKey() {
            return "programme.change." + name().toLowerCase(Locale.ROOT);
        }
    }
}
