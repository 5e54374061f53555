package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import org.researchportal.base.ValidationException;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantService;

/**
 * The participant's year of birth beside how to reach her, as the clinician reads it from her documents: a
 * questionnaire link may ask her for it to check who is answering.
 */
final class BirthYearForm extends Composite<Div> {

    BirthYearForm(ParticipantRecord record, ParticipantService participants, Runnable reload) {
        var year = new IntegerField(getTranslation("participant.birth-year"));
        year.setHelperText(getTranslation("participant.birth-year.help"));
        year.setMin(ParticipantService.BIRTH_YEAR_MIN);
        year.setValue(record.birthYear());
        var save = new Button(getTranslation("participant.birth-year.save"), e -> {
            try {
                participants.recordBirthYear(record.id(), year.getValue());
                year.setInvalid(false);
                Notification.show(getTranslation("participant.birth-year.saved"));
                reload.run();
            } catch (ValidationException refused) {
                year.setErrorMessage(getTranslation(refused.fieldMessageKeys().getOrDefault("birthYear",
                        refused.fieldMessageKeys().values().stream().findFirst()
                                .orElse("participant.birth-year.invalid"))));
                year.setInvalid(true);
            }
        });
        getContent().addClassName("birth-year-form");
        getContent().add(year, save);
    }
}
