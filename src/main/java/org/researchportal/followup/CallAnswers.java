package org.researchportal.followup;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a completed call found, one field per question of the script (null where the script does not ask it), and
 * whether the coordinator flagged a concern for the clinicians.
 */
public record CallAnswers(@Nullable Boolean takingAromataseInhibitor, @Nullable Integer missedDoses,
        Set<SideEffect> sideEffects, @Nullable String concerns, @Nullable Integer jointPain,
        @Nullable Integer exerciseSessions, @Nullable Boolean newHealthProblem, @Nullable String newHealthProblemDetail,
        Set<CounsellingTopic> topics, boolean concernFlagged, @Nullable String concernDetail) {

    public static final int TEXT_MAX_LENGTH = 1000;

    public CallAnswers {
        sideEffects = Set.copyOf(sideEffects);
        topics = Set.copyOf(topics);
    }
}
