package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.assessments.ArmGuessRecord;
import org.researchportal.assessments.ArmGuesses;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.study.Arm;

/**
 * After a follow-up timepoint's outcome assessment, the assessor's guess of the participant's arm: "Which group do you
 * think this participant is in?", with the study's arms by name or "Don't know". A saved guess may be corrected with a
 * reason. It never says whether a guess was right.
 */
final class ArmGuessForm extends Composite<Div> {

    private final Paragraph saved = new Paragraph();

    ArmGuessForm(DueAssessment due, List<Arm> arms, ArmGuesses guesses) {
        Div card = getContent();
        card.addClassNames("card", "arm-guess-form");
        card.add(new H2(getTranslation("blinding.guess.title")), new Paragraph(getTranslation(
                "blinding.guess.hint")));
        List<String> choices = new ArrayList<>(arms.stream().map(Arm::code).toList());
        choices.add(ArmGuessRecord.DONT_KNOW);
        var guess = new RadioButtonGroup<String>(getTranslation("blinding.guess.question"));
        guess.setItems(choices);
        guess.setItemLabelGenerator(code -> arms.stream().filter(a -> a.code().equals(code)).findFirst()
                .map(a -> a.name(getLocale())).orElseGet(() -> getTranslation("blinding.guess.dont-know")));
        var reason = new TextField(getTranslation("blinding.guess.reason"));
        reason.setMaxLength(AssessmentService.REASON_MAX_LENGTH);
        reason.setWidthFull();
        Optional<ArmGuessRecord> existing = guesses.guessOf(due.participantId(), due.timepoint());
        existing.ifPresent(g -> guess.setValue(g.guess()));
        reason.setVisible(existing.isPresent());
        showSaved(existing.isPresent());
        var save = new Button(getTranslation("blinding.guess.save"), e -> {
            try {
                if (guess.getValue() == null) {
                    throw ValidationException.of("guess", "blinding.guess.invalid");
                }
                guesses.guess(due.participantId(), due.timepoint(), guess.getValue(), reason.isVisible()
                        ? reason.getValue() : null);
                guess.setInvalid(false);
                reason.setInvalid(false);
                reason.clear();
                reason.setVisible(true);
                showSaved(true);
                Notification.show(getTranslation("blinding.guess.saved"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, Map.of("guess", guess, "reason", reason));
            }
        });
        save.addClassName("arm-guess-save");
        card.add(saved, guess, reason, save);
    }

    private void showSaved(boolean recorded) {
        saved.setVisible(recorded);
        saved.setText(recorded ? getTranslation("blinding.guess.recorded") : "");
    }
}
