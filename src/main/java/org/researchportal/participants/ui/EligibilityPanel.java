package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.base.ui.MarksBeside;
import org.researchportal.participants.EligibilityAssessment;
import org.researchportal.participants.EligibilityOutcome;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.EligibilityCriterion;
import org.researchportal.study.EligibilityModel;
import org.researchportal.study.ScreeningMeasure;

/**
 * The eligibility checklist from the study's own criteria. Values are entered once; computed criteria show their
 * outcome as the values are typed and cannot be ticked; the verdict appears when every criterion is determined.
 */
final class EligibilityPanel extends Composite<Div> {

    private final Map<String, MeasureInput> measures = new HashMap<>();
    private final Map<String, CriterionRow> criteria = new HashMap<>();
    private final Span verdict = new Span();
    private final TextField reason = new TextField();
    private final ParticipantRecord record;
    private final ScreeningService screening;

    EligibilityPanel(ParticipantRecord record, EligibilityModel model, ScreeningService screening,
            FormMarkings markings, Runnable reload) {
        ClinicalForm form = ClinicalForm.eligibility(record.studyId(), record.id());
        this.record = record;
        this.screening = screening;
        Div content = getContent();
        content.addClassNames("card", "eligibility-panel");
        content.add(new H2(getTranslation("eligibility.title")));
        boolean editable = record.status() != ParticipantStatus.ENROLLED
                && record.status() != ParticipantStatus.WITHDRAWN
                && record.status() != ParticipantStatus.LOST_TO_FOLLOW_UP;
        EligibilityAssessment previous = record.eligibility();
        if (!editable && previous == null) {
            // A record brought in from an earlier system after enrolment: an empty checklist would read as undecided.
            content.add(new Paragraph(getTranslation("eligibility.not-recorded")));
            return;
        }
        var measureGrid = new Div();
        measureGrid.addClassName("measure-grid");
        for (ScreeningMeasure measure : model.measures()) {
            var input = new MeasureInput(measure, previous == null ? null : previous.measures().get(measure.code()));
            input.setReadOnly(!editable);
            input.onChange(this::preview);
            measures.put(measure.code(), input);
            measureGrid.add(previous == null ? input : MarksBeside.field(input, markings.forField(form.item(
                    measure.code()))));
        }
        content.add(measureGrid);
        for (EligibilityCriterion criterion : model.criteria()) {
            var row = new CriterionRow(criterion, previous == null ? null : previous.answers().get(criterion.code()));
            row.setReadOnly(!editable);
            row.onChange(this::preview);
            criteria.put(criterion.code(), row);
            content.add(previous == null ? row : MarksBeside.field(row, markings.forField(form.item(
                    criterion.code()))));
        }
        verdict.addClassName("eligibility-verdict");
        content.add(verdict);
        if (editable) {
            reason.setLabel(getTranslation("change.reason"));
            reason.setMaxLength(ScreeningService.REASON_MAX_LENGTH);
            reason.setVisible(previous != null);
            reason.setWidthFull();
            var save = new Button(getTranslation("eligibility.record"), e -> save(reload));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            content.add(reason, save);
        }
        preview();
    }

    private Map<String, Double> measureValues() {
        Map<String, Double> values = new HashMap<>();
        measures.forEach((code, input) -> input.value().ifPresent(v -> values.put(code, v)));
        return values;
    }

    private Map<String, Boolean> answers() {
        Map<String, Boolean> answers = new HashMap<>();
        criteria.forEach((code, row) -> row.answer().ifPresent(a -> answers.put(code, a)));
        return answers;
    }

    private void preview() {
        try {
            EligibilityOutcome outcome = screening.preview(record.studyId(), measureValues(), answers());
            measures.values().forEach(m -> m.setInvalid(false));
            outcome.criteria().forEach((code, result) -> criteria.get(code).show(result));
            verdict.setText(outcome.eligible() == null ? getTranslation("eligibility.verdict.open")
                    : outcome.eligible() ? getTranslation("eligibility.verdict.eligible")
                    : getTranslation("eligibility.verdict.not-eligible", String.join(", ", outcome.failed())));
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, fields());
        }
    }

    private void save(Runnable reload) {
        try {
            screening.assessEligibility(record.id(), measureValues(), answers(), reason.getValue());
            reload.run();
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, fields());
        }
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>();
        measures.forEach((code, input) -> fields.put("measure." + code, input));
        criteria.forEach((code, row) -> fields.put("criterion." + code, row));
        fields.put("reason", reason);
        return fields;
    }
}
