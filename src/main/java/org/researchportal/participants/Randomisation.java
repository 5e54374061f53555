package org.researchportal.participants;

import java.time.Instant;

/**
 * How a participant was randomised: the stratum and the sequence place they received (by id only: block and position
 * stay in the sealed sequence, since knowing where blocks end would let the next allocations be guessed), when and by
 * whom. The arm itself is kept on the participant and never changes.
 */
public record Randomisation(String stratum, String slotId, Instant at, String by) {}
