package org.researchportal.participants;

import java.time.Instant;
import java.time.LocalDate;

/** A change of a participant's status after screening (withdrawal, loss to follow-up): when, why, and who said so. */
public record StatusChange(ParticipantStatus status, LocalDate effectiveOn, String reason, String recordedBy,
        Instant recordedAt) {}
