package org.researchportal.exercise.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.exercise.Dosage;
import org.researchportal.exercise.ExerciseManuals;
import org.researchportal.exercise.ManualExercise;
import org.researchportal.exercise.Text;

/**
 * Edits one exercise of the manual in both languages: title, purpose, method, what to take care of, the stop rule
 * and the dosage. Saving publishes a new edition with the reason on record; prescribed programmes are not touched.
 * Without an exercise it adds a new one (with its code, phase and body region), which is how a team that starts from
 * nothing writes its first edition.
 */
final class ExerciseEditDialog extends Dialog {

    private static final ManualExercise BLANK = new ManualExercise("", ManualExercise.Phase.FUNCTIONAL,
            ManualExercise.Region.WHOLE_BODY, new Text("", ""), new Text("", ""), List.of(),
            new Dosage(null, null, null, null), List.of(), new Text("", ""), new Text("", ""));

    ExerciseEditDialog(ExerciseManuals manuals, String studyId, @Nullable ManualExercise edited,
            Runnable onPublished) {
        boolean adding = edited == null;
        ManualExercise current = edited == null ? BLANK : edited;
        setHeaderTitle(adding ? getTranslation("manual.add.title")
                : getTranslation("manual.edit.title", current.title().in(getLocale())));
        setWidth("min(820px, 95vw)");
        var titleEn = field(new TextField(), "manual.field.title-en", current.title().en());
        var titleZh = field(new TextField(), "manual.field.title-zh", current.title().zh());
        var purposeEn = field(new TextArea(), "manual.field.purpose-en", current.purpose().en());
        var purposeZh = field(new TextArea(), "manual.field.purpose-zh", current.purpose().zh());
        var stepsEn = field(new TextArea(), "manual.field.steps-en", String.join("\n",
                current.steps().stream().map(Text::en).toList()));
        var stepsZh = field(new TextArea(), "manual.field.steps-zh", String.join("\n",
                current.steps().stream().map(Text::zh).toList()));
        var safetyEn = field(new TextArea(), "manual.field.safety-en", current.safety().en());
        var safetyZh = field(new TextArea(), "manual.field.safety-zh", current.safety().zh());
        var stopEn = field(new TextArea(), "manual.field.stop-en", current.stopRule().en());
        var stopZh = field(new TextArea(), "manual.field.stop-zh", current.stopRule().zh());
        var dosage = new DosageFields(this, current.dosage());
        var reason = field(new TextField(), "manual.field.reason", "");
        reason.setRequired(true);
        reason.setMaxLength(500);
        var code = field(new TextField(), "manual.field.code", "");
        code.setHelperText(getTranslation("manual.field.code-help"));
        var phase = new Select<ManualExercise.Phase>();
        phase.setLabel(getTranslation("manual.field.phase"));
        phase.setItems(ManualExercise.Phase.values());
        phase.setItemLabelGenerator(p -> getTranslation(p.messageKey()));
        phase.setValue(current.phase());
        var region = new Select<ManualExercise.Region>();
        region.setLabel(getTranslation("manual.field.region"));
        region.setItems(ManualExercise.Region.values());
        region.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        region.setValue(current.region());
        var form = new FormLayout();
        if (adding) {
            form.add(code, phase, region);
            form.setColspan(code, 2);
        }
        form.add(titleEn, titleZh, purposeEn, purposeZh, stepsEn, stepsZh, safetyEn, safetyZh, stopEn, stopZh);
        dosage.all().forEach(form::add);
        form.add(reason);
        form.setColspan(reason, 2);
        add(new Paragraph(getTranslation("manual.edit.hint")), form);
        Map<String, HasValidation> fields = Map.of("code", code, "title", titleEn, "purpose", purposeEn, "steps",
                stepsEn, "safety", safetyEn, "stopRule", stopEn, "dosage", dosage.sets, "reason", reason);
        var save = new Button(getTranslation("action.save"), e -> {
            if (!stepsMatch(stepsEn.getValue(), stepsZh.getValue())) {
                FieldErrors.show(this, ValidationException.of("stepsZh", "manual.steps-zh.mismatch"),
                        Map.of("stepsZh", stepsZh));
                return;
            }
            try {
                var written = new ManualExercise(adding ? code.getValue().trim() : current.code(),
                        adding ? phase.getValue() : current.phase(), adding ? region.getValue() : current.region(),
                        new Text(titleEn.getValue(), titleZh.getValue()), new Text(purposeEn.getValue(),
                                purposeZh.getValue()), steps(stepsEn.getValue(), stepsZh.getValue()), dosage.value(),
                        current.progression(), new Text(safetyEn.getValue(), safetyZh.getValue()),
                        new Text(stopEn.getValue(), stopZh.getValue()));
                int edition = adding ? manuals.addExercise(studyId, written, reason.getValue())
                        : manuals.reviseExercise(studyId, written, reason.getValue());
                Notification.show(getTranslation("manual.published", edition), 4000,
                        Notification.Position.BOTTOM_START);
                close();
                onPublished.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            } catch (NotFoundException gone) {
                FieldErrors.show(this, ValidationException.of("title", "video.exercise-gone"), fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    /** Steps are one per line; the Chinese method has as many lines as the English, or none at all. */
    static boolean stepsMatch(String english, String chinese) {
        List<String> zh = lines(chinese);
        return zh.isEmpty() || zh.size() == lines(english).size();
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Without a Chinese method, each step shows the English. */
    static List<Text> steps(String english, String chinese) {
        List<String> en = lines(english);
        List<String> zh = lines(chinese);
        List<Text> steps = new ArrayList<>();
        for (int i = 0; i < en.size(); i++) {
            steps.add(new Text(en.get(i), i < zh.size() ? zh.get(i) : en.get(i)));
        }
        return steps;
    }

    private <F extends TextFieldBase<F, String>> F field(F field, String label, String value) {
        field.setLabel(getTranslation(label));
        field.setValue(value == null ? "" : value);
        field.setWidthFull();
        return field;
    }
}
