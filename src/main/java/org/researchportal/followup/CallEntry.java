package org.researchportal.followup;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt as the coordinator records it: its outcome, the answers when the call was completed, when to call
 * back when asked to, and notes. The version is the call's as the form read it.
 */
public record CallEntry(CallOutcome outcome, @Nullable CallAnswers answers, @Nullable Instant callBackAt,
        @Nullable String notes, long version) {}
