package org.researchportal.exercise.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.exercise.Prescriptions;
import org.researchportal.exercise.ProgrammeItem;

/** Changes one exercise's dosage and level; the reason is required and kept with the programme. */
final class AdjustDialog extends Dialog {

    AdjustDialog(Prescriptions prescriptions, String participantId, ProgrammeItem item, String title, Runnable onDone) {
        setHeaderTitle(getTranslation("programme.adjust.title", title));
        var dosage = new DosageFields(this, item.dosage());
        var level = DosageFields.number(this, "programme.level", item.level(), ProgrammeItem.MAX_LEVEL);
        var reason = new TextField(getTranslation("programme.reason"));
        reason.setMaxLength(500);
        reason.setRequired(true);
        var form = new FormLayout();
        dosage.all().forEach(form::add);
        form.add(level, reason);
        form.setColspan(reason, 2);
        add(form);
        Map<String, HasValidation> fields = Map.of("dosage", dosage.sets);
        var save = new Button(getTranslation("action.save"), e -> {
            try {
                prescriptions.adjust(participantId, item.exercise(), dosage.value(),
                        level.getValue() == null ? 0 : level.getValue(), reason.getValue());
                close();
                onDone.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
