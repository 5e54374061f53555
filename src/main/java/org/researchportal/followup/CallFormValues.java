package org.researchportal.followup;

import java.util.List;
import java.util.Optional;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalValues;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.clinical.FormValues;
import org.springframework.stereotype.Component;

/** Completed follow-up calls' answers, for the edit checks that run after a save and over a study. */
@Component
class CallFormValues implements ClinicalValues {

    private final FollowUpCallRecords calls;

    CallFormValues(FollowUpCallRecords calls) {
        this.calls = calls;
    }

    @Override
    public boolean keeps(FormKind kind) {
        return kind == FormKind.FOLLOW_UP_CALL;
    }

    @Override
    public List<FormValues> ofParticipant(String studyId, String participantId, FormKind kind, String form) {
        return calls.callsOf(participantId).stream().filter(c -> c.getStudyId().equals(studyId))
                .flatMap(c -> values(c).stream()).toList();
    }

    @Override
    public List<FormValues> ofStudy(String studyId, FormKind kind, String form) {
        return calls.callsOfStudy(studyId).stream().flatMap(c -> values(c).stream()).toList();
    }

    private static Optional<FormValues> values(FollowUpCall call) {
        return Optional.ofNullable(call.getAnswers()).map(a -> new FormValues(ClinicalForm.followUpCall(call
                .getStudyId(), call.getParticipantId(), call.requireId()), FormValues.of(a)));
    }
}
