package org.researchportal.followup;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.researchportal.participants.CallParticipant;

/** One call of the worklist with what the coordinator needs to make it, and how pressing it is. */
public record CallRow(String callId, CallParticipant participant, int number, LocalDate dueOn, LocalDate windowFrom,
        LocalDate windowTo, CallStatus status, Urgency urgency, long countedAttempts, int maxAttempts,
        @Nullable CallOutcome lastOutcome, @Nullable Instant nextTryAfter, int openEscalations,
        @Nullable String coordinatorName, boolean mine) {}
