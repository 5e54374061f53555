package org.researchportal.study.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.study.QuestionnaireSettings;
import org.researchportal.study.QuestionnaireSettings.IdentityCheck;
import org.researchportal.study.StudyService;

/**
 * The tenant administrator sets how participants are asked for their own questionnaires: the days after a window
 * opens on which they are reminded ("2, 5"), and how a questionnaire link checks who is answering.
 */
final class QuestionnaireSettingsForm extends Composite<Div> {

    private final TextField reminderDays = new TextField();
    private final RadioButtonGroup<IdentityCheck> identityCheck = new RadioButtonGroup<>();

    QuestionnaireSettingsForm(String studyId, StudyService studies) {
        reminderDays.setLabel(getTranslation("study.questionnaires.reminder-days"));
        reminderDays.setHelperText(getTranslation("study.questionnaires.reminder-days.help"));
        reminderDays.setMaxLength(40);
        identityCheck.setLabel(getTranslation("study.questionnaires.identity-check"));
        identityCheck.setItems(IdentityCheck.values());
        identityCheck.setItemLabelGenerator(check -> getTranslation(messageKey(check)));
        show(studies.questionnaireSettings(studyId));
        Map<String, TextField> fields = Map.of("reminderDays", reminderDays);
        var save = new Button(getTranslation("study.questionnaires.save"), e -> {
            try {
                show(studies.configureQuestionnaires(studyId, new QuestionnaireSettings(days(reminderDays
                        .getValue()), identityCheck.getValue())));
                FieldErrors.clear(fields);
                Notification.show(getTranslation("study.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        save.addClassName("save-questionnaire-settings");
        getContent().add(new Paragraph(getTranslation("study.questionnaires.intro")), new FormLayout(reminderDays,
                identityCheck), save);
        getContent().addClassName("questionnaire-settings");
    }

    private void show(QuestionnaireSettings settings) {
        reminderDays.setValue(settings.reminderDays().stream().map(String::valueOf).collect(Collectors.joining(
                ", ")));
        identityCheck.setValue(settings.identityCheck());
    }

    /** "2, 5" (commas, spaces or Chinese commas between); a word that is no day is refused at the field. */
    static List<Integer> days(String typed) {
        List<Integer> days = new ArrayList<>();
        for (String part : typed.split("[,，、\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                days.add(Integer.parseInt(part));
            } catch (NumberFormatException notADay) {
                throw ValidationException.of("reminderDays", "study.questionnaire-reminders.invalid");
            }
        }
        return days;
    }

    private static String messageKey(IdentityCheck check) {
        return "study.questionnaires.identity-check." + check.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
