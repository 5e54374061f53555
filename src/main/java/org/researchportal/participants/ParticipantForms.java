package org.researchportal.participants;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.clinical.ClinicalForm;

/**
 * A randomised participant's consent and eligibility forms that hold data, named only (no content, no arm): what
 * source-data verification plans and counts.
 */
public record ParticipantForms(String participantId, @Nullable String studyNumber, List<ClinicalForm> forms) {

    public ParticipantForms {
        forms = List.copyOf(forms);
    }
}
