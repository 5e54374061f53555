package org.researchportal.participants;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.researchportal.study.ArmKind;

/**
 * A randomised participant as the trial's analyses count them (intention to treat: whatever became of them): their
 * arm, the day they were randomised (in their own zone) and the day they left, if they did. Exposure runs from
 * randomisation to leaving, or to the day the analysis is made.
 */
public record AnalysedParticipant(String id, @Nullable String studyNumber, String armCode, ArmKind armKind,
        LocalDate randomisedOn, ParticipantStatus status, @Nullable LocalDate leftOn, String timeZone) {

    /** The number the reports show: the study number, or the id where there is none yet. */
    public String label() {
        return studyNumber != null ? studyNumber : id;
    }
}
