package org.researchportal.exercise;

import org.jspecify.annotations.Nullable;

/**
 * How much of an exercise: sets of repetitions, or a hold, or minutes. Only what applies is set.
 *
 * @param holdSeconds how long each repetition or stretch is held
 */
public record Dosage(@Nullable Integer sets, @Nullable Integer repetitions, @Nullable Integer holdSeconds,
        @Nullable Integer minutes) {

    public static final int MAX_SETS = 10;
    public static final int MAX_REPETITIONS = 50;
    public static final int MAX_HOLD_SECONDS = 120;
    public static final int MAX_MINUTES = 60;

    public boolean valid() {
        return within(sets, MAX_SETS) && within(repetitions, MAX_REPETITIONS) && within(holdSeconds, MAX_HOLD_SECONDS)
                && within(minutes, MAX_MINUTES) && (sets != null || minutes != null || holdSeconds != null);
    }

    private static boolean within(@Nullable Integer value, int max) {
        return value == null || (value >= 1 && value <= max);
    }
}
