package org.researchportal.quality;

import java.util.List;
import org.researchportal.participants.BlindedParticipantRow;

/** A participant's every form, for the monitor's and the investigator's data page. The participant carries no arm. */
public record ParticipantData(BlindedParticipantRow participant, List<FormView> forms) {

    public ParticipantData {
        forms = List.copyOf(forms);
    }
}
