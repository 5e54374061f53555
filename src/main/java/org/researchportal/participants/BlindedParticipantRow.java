package org.researchportal.participants;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A participant as a blinded assessor sees them. There is no arm here by construction: the type cannot carry one.
 */
public record BlindedParticipantRow(String id, String studyId, @Nullable String studyNumber, String displayName,
        ParticipantStatus status, @Nullable LocalDate enrolledOn) {
}
