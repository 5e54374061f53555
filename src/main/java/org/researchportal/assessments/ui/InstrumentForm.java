package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.Item;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;

/** One instrument's form at one timepoint: its items, the assessment date, and the scores once saved. */
final class InstrumentForm extends Composite<Div> {

    private final List<ItemField> fields = new ArrayList<>();
    private final Paragraph scores = new Paragraph();
    private final TextField reason = new TextField();

    InstrumentForm(Instrument instrument, DueAssessment due, AssessmentService assessments) {
        Div card = getContent();
        card.addClassNames("card", "instrument-form");
        boolean zh = getLocale().getLanguage().equals("zh");
        card.add(new H2(zh ? instrument.nameZh() : instrument.name()));
        if (instrument.note() != null) {
            card.add(new Paragraph(instrument.note()));
        }
        Optional<AssessmentRecord> saved = assessments.find(due.participantId(), due.timepoint(), instrument.code());
        var assessedOn = new DatePicker(getTranslation("entry.assessed-on"),
                saved.map(AssessmentRecord::assessedOn).orElse(LocalDate.now()));
        var form = new FormLayout(assessedOn);
        for (Item item : instrument.items()) {
            var field = new ItemField(item, saved.map(r -> r.answers().get(item.code())).orElse(null));
            fields.add(field);
            form.add(field);
        }
        reason.setLabel(getTranslation("change.reason"));
        reason.setVisible(saved.isPresent());
        reason.setWidthFull();
        saved.ifPresent(r -> showScores(instrument, r));
        var save = new Button(getTranslation("entry.save"), e -> {
            Map<String, String> answers = new LinkedHashMap<>();
            fields.forEach(f -> answers.put(f.code(), f.answer()));
            Map<String, HasValidation> errorTargets = new HashMap<>();
            fields.forEach(f -> errorTargets.put("item." + f.code(), f));
            errorTargets.put("assessedOn", assessedOn);
            errorTargets.put("reason", reason);
            try {
                AssessmentRecord record = assessments.record(due.participantId(), due.timepoint(), instrument.code(),
                        assessedOn.getValue() == null ? LocalDate.now() : assessedOn.getValue(), answers,
                        reason.getValue());
                FieldErrors.clear(errorTargets);
                showScores(instrument, record);
                reason.clear();
                reason.setVisible(true);
                Notification.show(getTranslation("entry.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, errorTargets);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(form, scores, reason, save);
    }

    private void showScores(Instrument instrument, AssessmentRecord record) {
        boolean zh = getLocale().getLanguage().equals("zh");
        String computed = instrument.scores().stream().filter(s -> record.scores().containsKey(s.code()))
                .map(s -> (zh ? s.labelZh() : s.label()) + ": " + record.scores().get(s.code()))
                .collect(Collectors.joining("; "));
        scores.setText(computed.isEmpty() ? getTranslation("entry.recorded", record.assessedBy())
                : getTranslation("entry.scores", computed, record.assessedBy()));
    }
}
