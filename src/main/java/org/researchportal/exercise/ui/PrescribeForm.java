package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.DatePickers;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.exercise.ExerciseManual;
import org.researchportal.exercise.Prescriptions;
import org.researchportal.exercise.ProgrammeTemplate;

/** Prescribes a programme from one of the current manual's templates, on chosen weekdays from a start date. */
final class PrescribeForm extends Composite<Div> {

    PrescribeForm(Prescriptions prescriptions, String participantId, @Nullable ExerciseManual manual, Runnable onDone) {
        getContent().addClassName("card");
        getContent().add(new H2(getTranslation("programme.prescribe")));
        if (manual == null) {
            getContent().add(new Paragraph(getTranslation("programme.no-manual")));
            return;
        }
        if (manual.getTemplates().isEmpty()) {
            // A manual written in the screens has no template until one is defined; there is nothing to choose.
            getContent().add(new Paragraph(getTranslation("programme.no-template")));
            return;
        }
        var template = new Select<ProgrammeTemplate>();
        template.setLabel(getTranslation("programme.template"));
        template.setItems(manual.getTemplates());
        template.setItemLabelGenerator(t -> t.name().in(getLocale()));
        template.setValue(manual.getTemplates().getFirst());
        var start = DatePickers.create(getTranslation("programme.start"), LocalDate.now());
        var weekdays = new CheckboxGroup<DayOfWeek>(getTranslation("programme.weekdays"));
        weekdays.setItems(DayOfWeek.values());
        weekdays.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, getLocale()));
        weekdays.setValue(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
        var reason = new TextField(getTranslation("programme.reason"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        var form = new FormLayout(template, start, weekdays, reason);
        form.setColspan(weekdays, 2);
        form.setColspan(reason, 2);
        Map<String, HasValidation> fields = Map.of("template", template, "startDate", start, "weekdays", weekdays,
                "reason", reason);
        var prescribe = new Button(getTranslation("programme.prescribe"), e -> {
            if (start.getValue() == null) {
                start.setErrorMessage(getTranslation("programme.start.invalid"));
                start.setInvalid(true);
                return;
            }
            try {
                prescriptions.prescribe(participantId, template.getValue().code(), start.getValue(),
                        weekdays.getValue(), reason.getValue());
                onDone.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        prescribe.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().add(new Paragraph(getTranslation("programme.prescribe.help", manual.getEdition())), form,
                prescribe);
    }
}
