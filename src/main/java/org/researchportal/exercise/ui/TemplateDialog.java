package org.researchportal.exercise.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.exercise.ExerciseManual;
import org.researchportal.exercise.ExerciseManuals;
import org.researchportal.exercise.ManualExercise;
import org.researchportal.exercise.ProgrammeTemplate;
import org.researchportal.exercise.Text;

/**
 * Defines a programme template of the manual: which of its exercises, and how many days a week. Prescribing starts
 * from a template, so a team that starts from nothing defines one here before its first prescription. Saving
 * publishes a new edition with the reason on record.
 */
final class TemplateDialog extends Dialog {

    TemplateDialog(ExerciseManuals manuals, String studyId, ExerciseManual manual, Runnable onPublished) {
        setHeaderTitle(getTranslation("manual.template.title"));
        setWidth("min(720px, 95vw)");
        var code = new TextField(getTranslation("manual.field.code"));
        code.setHelperText(getTranslation("manual.field.code-help"));
        var nameEn = new TextField(getTranslation("manual.template.name-en"));
        var nameZh = new TextField(getTranslation("manual.template.name-zh"));
        var exercises = new MultiSelectComboBox<ManualExercise>(getTranslation("manual.template.exercises"));
        exercises.setItems(manual.getExercises());
        exercises.setItemLabelGenerator(e -> e.title().in(getLocale()));
        var perWeek = new IntegerField(getTranslation("manual.template.sessions"));
        perWeek.setMin(1);
        perWeek.setMax(7);
        perWeek.setStepButtonsVisible(true);
        var reason = new TextField(getTranslation("manual.field.reason"));
        reason.setRequired(true);
        reason.setMaxLength(500);
        var form = new FormLayout(code, nameEn, nameZh, exercises, perWeek, reason);
        form.setColspan(exercises, 2);
        form.setColspan(reason, 2);
        add(new Paragraph(getTranslation("manual.edit.hint")), form);
        Map<String, HasValidation> fields = Map.of("code", code, "name", nameEn, "exercises", exercises,
                "sessionsPerWeek", perWeek, "reason", reason);
        var save = new Button(getTranslation("action.save"), e -> {
            try {
                int edition = manuals.defineTemplate(studyId, new ProgrammeTemplate(code.getValue().trim(),
                        new Text(nameEn.getValue(), nameZh.getValue()), manual.getExercises().stream()
                                .filter(exercises.getValue()::contains).map(ManualExercise::code).toList(),
                        perWeek.getValue() == null ? 0 : perWeek.getValue()), reason.getValue());
                Notification.show(getTranslation("manual.published", edition), 4000,
                        Notification.Position.BOTTOM_START);
                close();
                onPublished.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
