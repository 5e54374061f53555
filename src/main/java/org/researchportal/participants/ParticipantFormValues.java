package org.researchportal.participants;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalValues;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.clinical.FormValues;
import org.springframework.stereotype.Component;

/** Saved consents and eligibility assessments, for the edit checks that run after a save and over a study. */
@Component
class ParticipantFormValues implements ClinicalValues {

    private final ParticipantRecords records;

    ParticipantFormValues(ParticipantRecords records) {
        this.records = records;
    }

    @Override
    public boolean keeps(FormKind kind) {
        return kind == FormKind.CONSENT || kind == FormKind.ELIGIBILITY;
    }

    @Override
    public List<FormValues> ofParticipant(String studyId, String participantId, FormKind kind, String form) {
        return records.findParticipant(participantId).filter(p -> p.getStudyId().equals(studyId))
                .flatMap(p -> values(p, kind)).stream().toList();
    }

    @Override
    public List<FormValues> ofStudy(String studyId, FormKind kind, String form) {
        return records.ofStudy(studyId).stream().flatMap(p -> values(p, kind).stream()).toList();
    }

    private static Optional<FormValues> values(Participant p, FormKind kind) {
        if (kind == FormKind.CONSENT) {
            return Optional.ofNullable(p.getConsent()).map(c -> new FormValues(ClinicalForm.consent(p.getStudyId(),
                    p.requireId()), FormValues.of(c)));
        }
        EligibilityAssessment eligibility = p.getEligibility();
        if (kind != FormKind.ELIGIBILITY || eligibility == null) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        eligibility.measures().forEach((code, value) -> values.put(code, FormValues.text(value)));
        eligibility.answers().forEach((code, answer) -> values.put(code, FormValues.text(answer)));
        return Optional.of(new FormValues(ClinicalForm.eligibility(p.getStudyId(), p.requireId()), values));
    }
}
