package org.researchportal.assessments;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The participant answering her own questionnaires on her phone: each answer kept the moment she gives it (a draft),
 * so a reload or a dropped connection resumes where she stopped, then sent once, final, through
 * {@link AssessmentService#answerOwn}. Only her own questionnaires, only while they are open; anything else is "not
 * found" and writes nothing. Draft answers are not audited one by one: they are not the study's record until sent,
 * and the sending is audited with every answer and how she was identified.
 */
@Service
public class QuestionnaireAnswers {

    private final BlindedParticipants participants;
    private final Questionnaires questionnaires;
    private final QuestionnaireDraftRecords drafts;
    private final InstrumentLibrary instruments;
    private final AssessmentRecords assessments;
    private final AssessmentService service;
    private final ClinicalRecordLocks locks;
    private final Clock clock;

    QuestionnaireAnswers(BlindedParticipants participants, Questionnaires questionnaires,
            QuestionnaireDraftRecords drafts, InstrumentLibrary instruments, AssessmentRecords assessments,
            AssessmentService service, ClinicalRecordLocks locks, Clock clock) {
        this.participants = participants;
        this.questionnaires = questionnaires;
        this.drafts = drafts;
        this.instruments = instruments;
        this.assessments = assessments;
        this.service = service;
        this.locks = locks;
        this.clock = clock;
    }

    /** Her questionnaires, every timepoint's, with each instrument's name and whether she has begun it. */
    @Secured(Authorities.PARTICIPANT)
    public List<MyQuestionnaire> mine() {
        return participants.mine().map(me -> {
            Set<String> started = drafts.ofParticipant(me.id()).stream()
                    .filter(d -> !d.getAnswers().isEmpty())
                    .map(d -> d.getTimepoint() + "/" + d.getInstrument()).collect(Collectors.toSet());
            return questionnaires.of(me).stream()
                    .map(q -> new MyQuestionnaire(q, name(q.instrument()),
                            started.contains(q.timepoint() + "/" + q.instrument())))
                    .toList();
        }).orElse(List.of());
    }

    /**
     * One of her questionnaires to answer or, once completed, to read: the instrument as her form is drawn from it
     * (her draft's version, else the newest published one) and the answers so far.
     */
    @Secured(Authorities.PARTICIPANT)
    public OpenQuestionnaire open(String timepoint, String instrument) {
        BlindedParticipantRow me = me();
        DueQuestionnaire due = due(me, timepoint, instrument);
        if (due.state() == DueQuestionnaire.State.COMPLETED) {
            Assessment recorded = assessments.assessment(me.id(), timepoint, instrument)
                    .orElseThrow(() -> new NotFoundException("Questionnaire", instrument));
            InstrumentVersion version = instruments.publishedVersion(instrument, recorded.getInstrumentVersion())
                    .orElseThrow(() -> new NotFoundException("Instrument", instrument));
            return new OpenQuestionnaire(due, version.getInstrument(), version.getNumber(),
                    recorded.toRecord().answers(), true);
        }
        if (!due.state().answerable()) {
            throw new NotFoundException("Questionnaire", instrument);
        }
        var draft = drafts.draft(me.id(), timepoint, instrument);
        InstrumentVersion version = draft.flatMap(d -> instruments.publishedVersion(instrument,
                d.getInstrumentVersion())).or(() -> instruments.newestPublished(instrument))
                .orElseThrow(() -> new NotFoundException("Instrument", instrument));
        Map<String, String> answers = draft.map(QuestionnaireDraft::getAnswers).orElse(Map.of());
        return new OpenQuestionnaire(due, version.getInstrument(), version.getNumber(), answers, !answers.isEmpty());
    }

    /**
     * Keeps one answer as she gives it (a blank one clears it), checked against its item: a value outside the item's
     * choices or range is refused at the item's field and nothing is kept.
     */
    @Secured(Authorities.PARTICIPANT)
    public void keep(String timepoint, String instrument, String item, @Nullable String value) {
        BlindedParticipantRow me = me();
        // A locked study's answers are closed before anything else is asked.
        locks.requireStudyOpen(me.studyId());
        DueQuestionnaire due = answerable(me, timepoint, instrument);
        var draft = drafts.draft(me.id(), timepoint, instrument);
        InstrumentVersion version = draft.flatMap(d -> instruments.publishedVersion(instrument,
                d.getInstrumentVersion())).or(() -> instruments.newestPublished(instrument))
                .orElseThrow(() -> new NotFoundException("Instrument", instrument));
        Item question = item == null ? null : version.getInstrument().item(item)
                .filter(i -> i.type().answered()).orElse(null);
        if (question == null) {
            throw ValidationException.of("item." + item, "assessment.item.unknown");
        }
        String answer = value == null || value.isBlank() ? "" : InstrumentScoring.checkedAnswer(question, value);
        drafts.keep(new QuestionnaireDraft(due.studyId(), me.id(), timepoint, instrument, version.getNumber(),
                clock.instant()), me.id(), question.code(), answer, clock.instant());
    }

    /**
     * Sends her answers: recorded as her own, final, with the version her form was drawn from; the draft goes. A
     * refusal (a required item unanswered) names the item and keeps the draft.
     */
    @Secured(Authorities.PARTICIPANT)
    public AssessmentRecord submit(String timepoint, String instrument) {
        BlindedParticipantRow me = me();
        locks.requireStudyOpen(me.studyId());
        DueQuestionnaire due = due(me, timepoint, instrument);
        if (due.state() == DueQuestionnaire.State.COMPLETED) {
            throw ValidationException.of("instrument", "questionnaire.answered");
        }
        var draft = drafts.draft(me.id(), timepoint, instrument);
        int version = draft.map(QuestionnaireDraft::getInstrumentVersion)
                .or(() -> instruments.newestPublished(instrument).map(InstrumentVersion::getNumber))
                .orElseThrow(() -> new NotFoundException("Instrument", instrument));
        AssessmentRecord sent = service.answerOwn(timepoint, instrument, version,
                draft.map(QuestionnaireDraft::getAnswers).orElse(Map.of()));
        drafts.delete(me.id(), timepoint, instrument);
        return sent;
    }

    private BlindedParticipantRow me() {
        return participants.mine().orElseThrow(() -> new NotFoundException("Participant", "own"));
    }

    private DueQuestionnaire due(BlindedParticipantRow me, @Nullable String timepoint, @Nullable String instrument) {
        return questionnaires.of(me).stream()
                .filter(q -> q.timepoint().equals(timepoint) && q.instrument().equals(instrument)).findFirst()
                .orElseThrow(() -> new NotFoundException("Questionnaire", String.valueOf(instrument)));
    }

    private DueQuestionnaire answerable(BlindedParticipantRow me, String timepoint, String instrument) {
        DueQuestionnaire due = due(me, timepoint, instrument);
        if (due.state() == DueQuestionnaire.State.COMPLETED) {
            throw ValidationException.of("instrument", "questionnaire.answered");
        }
        if (!due.state().answerable()) {
            throw new NotFoundException("Questionnaire", instrument);
        }
        return due;
    }

    private Wording name(String instrument) {
        return instruments.newestPublished(instrument).map(v -> v.getInstrument().name())
                .orElse(new Wording(instrument, null));
    }
}
