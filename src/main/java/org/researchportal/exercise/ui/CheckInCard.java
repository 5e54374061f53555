package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.exercise.SessionLog;
import org.researchportal.exercise.SessionLogging;

/**
 * This week's check-in, shown until answered: joint pain and stiffness over the week, and whether the participant
 * still takes the aromatase inhibitor (asked as yes or no, so an unanswered question is not read as "no").
 */
final class CheckInCard extends Composite<Div> {

    CheckInCard(SessionLogging sessionLogging, Runnable onAnswered) {
        getContent().addClassName("card");
        var pain = new ScoreField(getTranslation("check-in.joint-pain"), 0, 10);
        pain.setHelperText(getTranslation("session.pain.help"));
        var stiffness = new ScoreField(getTranslation("check-in.stiffness"), 0, 10);
        var onTherapy = new RadioButtonGroup<Boolean>(getTranslation("check-in.taking-ai"));
        onTherapy.setItems(true, false);
        onTherapy.setItemLabelGenerator(yes -> getTranslation(yes ? "answer.yes" : "answer.no"));
        onTherapy.setRequired(true);
        var note = new TextArea(getTranslation("session.note"));
        note.setMaxLength(SessionLog.NOTE_MAX_LENGTH);
        note.setWidthFull();
        Map<String, HasValidation> fields = Map.of("jointPain", pain, "stiffness", stiffness, "note", note);
        var send = new Button(getTranslation("check-in.send"), e -> {
            FieldErrors.clear(fields);
            onTherapy.setInvalid(onTherapy.getValue() == null);
            if (onTherapy.getValue() == null) {
                onTherapy.setErrorMessage(getTranslation("check-in.taking-ai.required"));
                return;
            }
            try {
                sessionLogging.checkIn(pain.valueOrOutOfRange(), stiffness.valueOrOutOfRange(), onTherapy.getValue(),
                        note.getValue());
                onAnswered.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().add(new H2(getTranslation("check-in.title")), new Paragraph(getTranslation("check-in.intro")),
                pain, stiffness, onTherapy, note, send);
    }
}
