package org.researchportal.followup;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One attempt to reach the participant, kept with who made it and how it ended. */
public record CallAttempt(Instant at, String by, CallOutcome outcome, @Nullable Instant callBackAt,
        @Nullable String notes) {}
