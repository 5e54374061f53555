package org.researchportal.quality;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A lock on one form ({@code formKey}) or on a whole participant, as readers see it. */
public record FormLockRow(String id, String studyId, String participantId, String formKey, boolean wholeParticipant,
        String lockedByName, Instant lockedAt, @Nullable String reason) {}
