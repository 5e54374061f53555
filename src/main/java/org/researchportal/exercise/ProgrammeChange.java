package org.researchportal.exercise;

import java.time.Instant;

/** A change to a programme (prescribed, dosage or level adjusted): who, when, what and why. */
public record ProgrammeChange(Instant at, String by, String what, String reason) {
}
