package org.researchportal.participants;

import org.jspecify.annotations.Nullable;

/**
 * Who looks after a participant between visits: their therapist (whose caseload they are on), their coordinator
 * (who makes their calls) and the phone account they sign in with, each with the name a person reads.
 */
public record CareTeam(@Nullable String therapistId, @Nullable String therapistName, @Nullable String coordinatorId,
        @Nullable String coordinatorName, @Nullable String accountId, @Nullable String accountUsername) {}
