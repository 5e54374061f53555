package org.researchportal.participants;

import java.time.Instant;
import java.time.LocalDate;

/** A protocol deviation of one participant: when it happened, what it was, who recorded it. */
public record ProtocolDeviation(LocalDate occurredOn, String description, String recordedBy, Instant recordedAt) {}
