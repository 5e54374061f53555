package org.researchportal.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentEntry;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.assessments.Respondent;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.study.Timepoint;

/**
 * An instrument's entry at a timepoint in words, drawn from the version it was entered with: each answered item with
 * its label and shown value, then the scores. Items are the instrument's item codes and {@link
 * AssessmentService#ASSESSED_ON}, as the assessment service names them when they change.
 */
final class InstrumentForms {

    /** One entry made at one timepoint of the schedule. */
    record Entry(Timepoint timepoint, InstrumentEntry entry) {

        AssessmentRecord saved() {
            return Objects.requireNonNull(entry.saved());
        }

        String enteredBy() {
            return saved().assessedBy();
        }
    }

    private final String studyId;
    private final String participantId;
    private final AnswerWords words;

    InstrumentForms(String studyId, String participantId, AnswerWords words) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.words = words;
    }

    FormView form(Entry e) {
        Instrument instrument = e.entry().instrument();
        AssessmentRecord saved = e.saved();
        List<FormView.Field> fields = new ArrayList<>();
        fields.add(new FormView.Field(AssessmentService.ASSESSED_ON, words.text("entry.assessed-on"),
                words.date(saved.assessedOn())));
        for (Item item : instrument.questions()) {
            String raw = saved.answers().get(item.code());
            if (raw != null && !raw.isBlank()) {
                fields.add(new FormView.Field(item.code(), item.label().in(words.locale()), words.answer(item, raw)));
            }
        }
        for (Item score : instrument.scores()) {
            Double value = saved.scores().get(score.code());
            if (value != null) {
                fields.add(new FormView.Field(score.code(), score.label().in(words.locale()), value.toString()));
            }
        }
        String title = instrument.name().in(words.locale()) + " · " + words.either(e.timepoint().label(),
                e.timepoint().labelZh());
        // Who answered: the participant herself (how she was identified) or the staff member who entered it.
        String detail = saved.respondent() == Respondent.PARTICIPANT && saved.identifiedBy() != null
                ? words.text("data.instrument.detail.by-participant", e.entry().version(), words.text(saved
                        .identifiedBy().messageKey()), words.date(saved
                                .assessedOn()))
                : words.text("data.instrument.detail", e.entry().version(), words.person(saved.assessedBy()),
                        words.time(saved.recordedAt()));
        return new FormView(ClinicalForm.instrument(studyId, participantId, e.timepoint().code(), instrument.code()),
                title, detail, fields);
    }

    /**
     * A timepoint recorded as not assessed: the form its instruments would have filled, as the assessment service
     * guards it (every instrument, "*").
     */
    FormView missed(Timepoint timepoint, MissedVisitRecord record) {
        return new FormView(ClinicalForm.instrument(studyId, participantId, timepoint.code(), "*"), words.text(
                "data.missed-visit.title", words.either(timepoint.label(), timepoint.labelZh())), words.text(
                        "data.entered-by", words.person(record.recordedBy()), words.time(record.recordedAt())),
                List.of(new FormView.Field("kind", words.text("data.missed-visit.kind"), words.text(record.kind()
                        .messageKey())), new FormView.Field("reason", words.text("missed.reason"), record.reason())));
    }
}
