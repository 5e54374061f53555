package org.researchportal.followup;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * What a completed call found, one field per question of the script (null where the script does not ask it), and
 * whether the coordinator flagged a concern for the clinicians. Exercise outside the study: whether she did any in
 * the last month and, only if she did, which kinds and about how many minutes a week.
 */
public record CallAnswers(@Nullable Boolean takingAromataseInhibitor, @Nullable Integer missedDoses,
        Set<SideEffect> sideEffects, @Nullable String concerns, @Nullable Integer jointPain,
        @Nullable Integer exerciseSessions, @Nullable Boolean newHealthProblem, @Nullable String newHealthProblemDetail,
        Set<CounsellingTopic> topics, boolean concernFlagged, @Nullable String concernDetail,
        @Nullable Boolean outsideExercise, Set<OutsideExerciseKind> outsideExerciseKinds,
        @Nullable Integer outsideExerciseMinutes) {

    public static final int TEXT_MAX_LENGTH = 1000;
    /** About how many minutes a week of exercise outside the study one may report: 50 hours. */
    public static final int OUTSIDE_MINUTES_MAX = 3000;

    @PersistenceCreator
    public CallAnswers {
        sideEffects = Set.copyOf(sideEffects);
        topics = Set.copyOf(topics);
        // Calls recorded before the question existed have none; a kind off the list (null) is kept for the service
        // to refuse at its field.
        outsideExerciseKinds = outsideExerciseKinds == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(outsideExerciseKinds));
    }

    /** The answers of a script that does not ask about exercise outside the study. */
    public CallAnswers(@Nullable Boolean takingAromataseInhibitor, @Nullable Integer missedDoses,
            Set<SideEffect> sideEffects, @Nullable String concerns, @Nullable Integer jointPain,
            @Nullable Integer exerciseSessions, @Nullable Boolean newHealthProblem,
            @Nullable String newHealthProblemDetail, Set<CounsellingTopic> topics, boolean concernFlagged,
            @Nullable String concernDetail) {
        this(takingAromataseInhibitor, missedDoses, sideEffects, concerns, jointPain, exerciseSessions,
                newHealthProblem, newHealthProblemDetail, topics, concernFlagged, concernDetail, null, Set.of(), null);
    }
}
