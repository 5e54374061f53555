package org.researchportal.assessments;

import java.time.Instant;

/**
 * The assessor's guess of a participant's arm after a follow-up timepoint's outcome assessment: an arm code of the
 * study, or {@link #DONT_KNOW}. Blinded data: it says what the assessor thought, never whether it was right.
 */
public record ArmGuessRecord(String id, String studyId, String participantId, String timepoint, String guess,
        String recordedBy, Instant recordedAt) {

    /** The guess of an assessor who does not know. */
    public static final String DONT_KNOW = "DONT_KNOW";

    public boolean dontKnow() {
        return DONT_KNOW.equals(guess);
    }
}
