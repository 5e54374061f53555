package org.researchportal.assessments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalValues;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.clinical.FormValues;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Saved instruments (with their timepoint's window, as {@link AssessmentService} hands them to the checks at save) and
 * adverse events, for the edit checks that run after a save and over a study. The windows need the participants'
 * enrolment, read blinded.
 */
@Component
class AssessmentValues implements ClinicalValues {

    private final AssessmentRecords assessments;
    private final AdverseEventRecords adverseEvents;
    private final BlindedParticipants participants;
    private final StudyService studies;

    AssessmentValues(AssessmentRecords assessments, AdverseEventRecords adverseEvents,
            BlindedParticipants participants, StudyService studies) {
        this.assessments = assessments;
        this.adverseEvents = adverseEvents;
        this.participants = participants;
        this.studies = studies;
    }

    @Override
    public boolean keeps(FormKind kind) {
        return kind == FormKind.INSTRUMENT || kind == FormKind.ADVERSE_EVENT;
    }

    @Override
    public List<FormValues> ofParticipant(String studyId, String participantId, FormKind kind, String form) {
        if (kind == FormKind.ADVERSE_EVENT) {
            return adverseEvents.ofParticipant(participantId).stream().map(e -> adverseEvent(studyId, e)).toList();
        }
        Optional<BlindedParticipantRow> participant = participants.blindedParticipant(participantId);
        return instruments(studyId, assessments.ofParticipants(studyId, List.of(participantId)), form,
                participant.map(p -> Map.of(p.id(), p)).orElse(Map.of()));
    }

    @Override
    public List<FormValues> ofStudy(String studyId, FormKind kind, String form) {
        if (kind == FormKind.ADVERSE_EVENT) {
            return adverseEvents.ofStudy(studyId).stream().map(e -> adverseEvent(studyId, e)).toList();
        }
        Map<String, BlindedParticipantRow> enrolled = participants.blindedParticipants(studyId, Pageable.unpaged())
                .stream().collect(Collectors.toMap(BlindedParticipantRow::id, Function.identity()));
        return instruments(studyId, assessments.ofStudy(studyId), form, enrolled);
    }

    private List<FormValues> instruments(String studyId, List<Assessment> saved, String instrument,
            Map<String, BlindedParticipantRow> enrolled) {
        Map<String, Timepoint> schedule = new HashMap<>();
        studies.schedule(studyId).forEach(t -> schedule.put(t.code(), t));
        return saved.stream().filter(a -> a.getInstrument().equals(instrument)).map(a -> {
            AssessmentRecord entry = a.toRecord();
            BlindedParticipantRow participant = enrolled.get(entry.participantId());
            Timepoint timepoint = schedule.get(entry.timepoint());
            AssessmentService.Window window = participant == null || timepoint == null
                    || participant.enrolledOn() == null ? null : AssessmentService.window(participant, timepoint);
            return new FormValues(ClinicalForm.instrument(studyId, entry.participantId(), entry.timepoint(),
                    instrument), AssessmentService.values(entry.answers(), entry.scores(), entry.assessedOn(),
                            window));
        }).toList();
    }

    private static FormValues adverseEvent(String studyId, AdverseEvent event) {
        return new FormValues(ClinicalForm.adverseEvent(studyId, event.getParticipantId(), event.requireId()),
                FormValues.of(event.getReport()));
    }
}
