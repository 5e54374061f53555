package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentEntry;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import org.researchportal.assessments.Respondent;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.ui.DatePickers;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.base.ui.UnsavedChanges;
import org.researchportal.identity.AccountService;

/** One instrument's form at one timepoint: its items, the assessment date, and the scores once saved. */
final class InstrumentForm extends Composite<Div> {

    private final List<ItemField> fields = new ArrayList<>();
    private final Paragraph scores = new Paragraph();
    private final Paragraph notComputed = new Paragraph();
    private final TextField reason = new TextField();

    private final UnsavedChanges.Form unsaved;
    private final AccountService accounts;

    /**
     * @param byParticipant whether the schedule has the participant complete it herself: the assessor enters it only
     *     from her paper form, and what she answered herself is shown, not changed
     */
    InstrumentForm(InstrumentEntry entry, DueAssessment due, boolean byParticipant, AssessmentService assessments,
            AccountService accounts, FormMarkings markings, UnsavedChanges changes,
            List<com.vaadin.flow.component.Component> marks) {
        this.accounts = accounts;
        unsaved = changes.form();
        Instrument instrument = entry.instrument();
        Div card = getContent();
        card.addClassNames("card", "instrument-form");
        card.add(new H2(instrument.name().in(getLocale())));
        Optional<AssessmentRecord> saved = Optional.ofNullable(entry.saved());
        boolean hers = saved.map(r -> r.respondent() == Respondent.PARTICIPANT).orElse(false);
        WhoAnswered.onForm(byParticipant, saved.orElse(null), this, getLocale()).forEach(card::add);
        // Verified, locked, signed: seen before typing.
        marks.forEach(card::add);
        var version = new Paragraph(getTranslation("entry.instrument-version", entry.version()));
        version.addClassName("instrument-version");
        card.add(version);
        if (instrument.note() != null) {
            card.add(new Paragraph(instrument.note().in(getLocale())));
        }
        var assessedOn = DatePickers.create(getTranslation("entry.assessed-on"),
                saved.map(AssessmentRecord::assessedOn).orElse(LocalDate.now()));
        assessedOn.addClassName("assessed-on");
        var form = new FormLayout(assessedOn);
        ClinicalForm clinical = ClinicalForm.instrument(due.studyId(), due.participantId(), due.timepoint(),
                instrument.code());
        // Marks only on a saved entry: a query is raised on a value that was recorded.
        if (saved.isPresent()) {
            List<Component> dateMarks = markings.forField(clinical.item(AssessmentService.ASSESSED_ON));
            if (!dateMarks.isEmpty()) {
                var beside = new Div();
                beside.addClassName("field-marks");
                dateMarks.forEach(beside::add);
                form.add(beside);
            }
        }
        for (Item item : instrument.items()) {
            if (item.type() == ItemType.CALCULATED) {
                continue;
            }
            var field = new ItemField(item, saved.map(r -> r.answers().get(item.code())).orElse(null), getLocale());
            if (saved.isPresent() && item.type().answered()) {
                field.mark(markings.forField(clinical.item(item.code())));
            }
            fields.add(field);
            form.add(field);
            if (item.type() != ItemType.NUMBER && item.type() != ItemType.INTEGER && item.type() != ItemType.DATE
                    && item.type() != ItemType.YES_NO) {
                // A scale's row of values, choices and text read best across the whole form.
                form.setColspan(field, 2);
            }
        }
        showBranches(instrument);
        reason.setLabel(getTranslation("change.reason"));
        reason.setVisible(saved.isPresent());
        reason.setWidthFull();
        notComputed.addClassName("score-not-computed");
        notComputed.setVisible(false);
        saved.ifPresent(r -> showScores(instrument, r));
        // Said as the answers are typed, before saving, not only once the record is saved without the score.
        fields.forEach(f -> f.onChange(() -> {
            showBranches(instrument);
            showNotComputed(instrument, answers(), false);
        }));
        var save = new Button(getTranslation("entry.save"), e -> {
            Map<String, String> answers = answers();
            Map<String, HasValidation> errorTargets = new HashMap<>();
            fields.forEach(f -> errorTargets.put("item." + f.code(), f));
            errorTargets.put("assessedOn", assessedOn);
            errorTargets.put("reason", reason);
            try {
                AssessmentRecord record = assessments.record(due.participantId(), due.timepoint(), instrument.code(),
                        entry.version(),
                        assessedOn.getValue() == null ? LocalDate.now() : assessedOn.getValue(), answers,
                        reason.getValue());
                FieldErrors.clear(errorTargets);
                showScores(instrument, record);
                reason.clear();
                reason.setVisible(true);
                unsaved.saved();
                Notification.show(getTranslation("entry.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, errorTargets);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(form, notComputed, scores);
        if (hers) {
            // Her answers are final: a correction is a data query's, raised on the field.
            assessedOn.setReadOnly(true);
            fields.forEach(ItemField::readOnly);
        } else {
            card.add(reason, save);
        }
        unsaved.watchAll(this);
    }

    private Map<String, String> answers() {
        return ItemFields.shownAnswers(fields);
    }

    private void showBranches(Instrument instrument) {
        ItemFields.showBranches(instrument, fields);
    }

    /**
     * Names each score the answers leave uncomputed under its missing-item rule. While typing, only once something is
     * answered (an empty form is not a warning); for a saved record, always.
     */
    private void showNotComputed(Instrument instrument, Map<String, String> answers, boolean saved) {
        boolean anything = answers.values().stream().anyMatch(a -> a != null && !a.isBlank());
        String text = ItemFields.notComputed(this, getLocale(), instrument, answers);
        notComputed.setText(text);
        notComputed.setVisible(!text.isEmpty() && (saved || anything));
    }

    private void showScores(Instrument instrument, AssessmentRecord record) {
        showNotComputed(instrument, record.answers(), true);
        String computed = instrument.scores().stream().filter(s -> record.scores().containsKey(s.code()))
                .map(s -> s.label().in(getLocale()) + ": " + record.scores().get(s.code()))
                .collect(Collectors.joining("; "));
        if (record.respondent() == Respondent.PARTICIPANT) {
            // Who answered is said above the form; her username names no one.
            scores.setText(computed.isEmpty() ? "" : getTranslation("entry.scores-only", computed));
            scores.setVisible(!computed.isEmpty());
            return;
        }
        String by = accounts.names(List.of(record.assessedBy())).shown(record.assessedBy(), getLocale());
        scores.setText(computed.isEmpty() ? getTranslation("entry.recorded", by)
                : getTranslation("entry.scores", computed, by));
    }
}
