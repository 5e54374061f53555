package org.researchportal.followup;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One completed call that asked about exercise outside the study: whose, which call and when it was due, and what she
 * said (kinds and minutes a week only with yes).
 */
public record OutsideExerciseAnswer(String participantId, String callId, int callNumber, LocalDate dueOn,
        boolean outsideExercise, Set<OutsideExerciseKind> kinds, @Nullable Integer minutesPerWeek) {

    public OutsideExerciseAnswer {
        kinds = Set.copyOf(kinds);
    }
}
