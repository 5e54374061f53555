package org.researchportal.participants;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A participant as a blinded assessor sees them. There is no arm here by construction: the type cannot carry one.
 * {@code consentedOn} bounds the earliest assessment (nothing is measured before consent); {@code leftOn} is the day a
 * withdrawn or lost participant left the study, after which no timepoint falls due.
 */
public record BlindedParticipantRow(String id, String studyId, @Nullable String studyNumber, String displayName,
        ParticipantStatus status, @Nullable LocalDate enrolledOn, @Nullable LocalDate consentedOn,
        @Nullable LocalDate leftOn) {}
