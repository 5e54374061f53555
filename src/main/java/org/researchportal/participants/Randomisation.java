package org.researchportal.participants;

import java.time.Instant;

/**
 * How a participant was randomised: which place of the sealed sequence (stratum, block, position) they received, when
 * and by whom. The arm itself is kept on the participant and never changes.
 */
public record Randomisation(String stratum, int position, int block, Instant at, String by) {
}
