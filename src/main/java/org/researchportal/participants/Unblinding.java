package org.researchportal.participants;

import java.time.Instant;

/** An emergency unblinding of one participant's allocation: who, when and why. */
public record Unblinding(Instant at, String by, String reason) {}
