package org.researchportal.followup.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.followup.CallAnswers;
import org.researchportal.followup.CallContext;
import org.researchportal.followup.CallEntry;
import org.researchportal.followup.CallOutcome;
import org.researchportal.followup.CallQuestion;
import org.researchportal.followup.CallRecords;
import org.researchportal.followup.CallScript;
import org.researchportal.followup.CounsellingTopic;
import org.researchportal.followup.OutsideExerciseKind;
import org.researchportal.followup.SideEffect;

/**
 * The call as the coordinator records it: the outcome; when completed, the script's questions and nothing else;
 * when asked to call back, the time in the participant's zone; notes. The service checks everything again.
 */
final class CallForm extends Composite<Div> {

    private final RadioButtonGroup<CallOutcome> outcome = new RadioButtonGroup<>();
    private final RadioButtonGroup<Boolean> taking = yesNo("call.question.aromatase-inhibitor");
    private final IntegerField missedDoses = new IntegerField();
    private final CheckboxGroup<SideEffect> sideEffects = new CheckboxGroup<>();
    private final TextArea concerns = new TextArea();
    private final IntegerField jointPain = new IntegerField();
    private final IntegerField exerciseSessions = new IntegerField();
    private final RadioButtonGroup<Boolean> outsideExercise = yesNo("call.question.outside-exercise");
    private final CheckboxGroup<OutsideExerciseKind> outsideExerciseKinds = new CheckboxGroup<>();
    private final IntegerField outsideExerciseMinutes = new IntegerField();
    private final RadioButtonGroup<Boolean> newHealthProblem = yesNo("call.question.new-health-problems");
    private final TextArea newHealthProblemDetail = new TextArea();
    private final CheckboxGroup<CounsellingTopic> topics = new CheckboxGroup<>();
    private final Checkbox concernFlagged = new Checkbox();
    private final TextArea concernDetail = new TextArea();
    private final DateTimePicker callBackAt = new DateTimePicker();
    private final TextArea notes = new TextArea();

    CallForm(CallContext context, CallRecords records, Runnable saved) {
        CallScript script = context.script();
        ZoneId zone = ZoneId.of(context.row().participant().timeZone());
        outcome.setLabel(getTranslation("call.outcome"));
        outcome.setItems(CallOutcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation(o.messageKey()));
        outcome.setRequired(true);
        missedDoses.setLabel(getTranslation("call.missed-doses"));
        missedDoses.setMin(0);
        missedDoses.setMax(31);
        sideEffects.setLabel(getTranslation("call.question.side-effects"));
        sideEffects.setItems(SideEffect.values());
        sideEffects.setItemLabelGenerator(e -> getTranslation(e.messageKey()));
        concerns.setLabel(getTranslation("call.concerns-about-therapy"));
        concerns.setMaxLength(CallAnswers.TEXT_MAX_LENGTH);
        jointPain.setLabel(getTranslation("call.question.joint-pain"));
        jointPain.setMin(0);
        jointPain.setMax(10);
        exerciseSessions.setLabel(getTranslation("call.question.exercise"));
        exerciseSessions.setMin(0);
        outsideExerciseKinds.setLabel(getTranslation("contamination.kinds"));
        outsideExerciseKinds.setItems(OutsideExerciseKind.values());
        outsideExerciseKinds.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        outsideExerciseMinutes.setLabel(getTranslation("contamination.minutes"));
        outsideExerciseMinutes.setMin(0);
        outsideExerciseMinutes.setMax(CallAnswers.OUTSIDE_MINUTES_MAX);
        newHealthProblemDetail.setLabel(getTranslation("call.health-problem-detail"));
        newHealthProblemDetail.setMaxLength(CallAnswers.TEXT_MAX_LENGTH);
        topics.setLabel(getTranslation("call.question.counselling"));
        topics.setItems(CounsellingTopic.values());
        topics.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        concernFlagged.setLabel(getTranslation("call.flag-concern"));
        concernDetail.setLabel(getTranslation("call.concern-detail"));
        concernDetail.setMaxLength(CallAnswers.TEXT_MAX_LENGTH);
        callBackAt.setLabel(getTranslation("call.call-back-at", zone.getId()));
        notes.setLabel(getTranslation("call.notes"));
        notes.setWidthFull();

        var answers = new FormLayout();
        if (script.asks(CallQuestion.AROMATASE_INHIBITOR)) {
            answers.add(taking, missedDoses);
        }
        if (script.asks(CallQuestion.SIDE_EFFECTS)) {
            answers.add(sideEffects, 2);
            answers.add(concerns, 2);
        }
        if (script.asks(CallQuestion.JOINT_PAIN)) {
            answers.add(jointPain);
        }
        if (script.asks(CallQuestion.EXERCISE)) {
            answers.add(exerciseSessions);
        }
        if (script.asks(CallQuestion.OUTSIDE_EXERCISE)) {
            answers.add(outsideExercise, outsideExerciseMinutes);
            answers.add(outsideExerciseKinds, 2);
        }
        if (script.asks(CallQuestion.NEW_HEALTH_PROBLEMS)) {
            answers.add(newHealthProblem, newHealthProblemDetail);
        }
        if (script.asks(CallQuestion.COUNSELLING)) {
            answers.add(topics, 2);
        }
        answers.add(concernFlagged, concernDetail);
        answers.setVisible(false);
        callBackAt.setVisible(false);
        outcome.addValueChangeListener(e -> {
            answers.setVisible(e.getValue() == CallOutcome.COMPLETED);
            callBackAt.setVisible(e.getValue() == CallOutcome.CALL_BACK);
        });
        newHealthProblemDetail.setVisible(false);
        newHealthProblem.addValueChangeListener(e -> newHealthProblemDetail.setVisible(Boolean.TRUE.equals(
                e.getValue())));
        outsideExerciseKinds.setVisible(false);
        outsideExerciseMinutes.setVisible(false);
        outsideExercise.addValueChangeListener(e -> {
            outsideExerciseKinds.setVisible(Boolean.TRUE.equals(e.getValue()));
            outsideExerciseMinutes.setVisible(Boolean.TRUE.equals(e.getValue()));
        });
        concernDetail.setVisible(false);
        concernFlagged.addValueChangeListener(e -> concernDetail.setVisible(e.getValue()));

        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("outcome", outcome);
        fields.put("takingAromataseInhibitor", taking);
        fields.put("missedDoses", missedDoses);
        fields.put("concerns", concerns);
        fields.put("jointPain", jointPain);
        fields.put("exerciseSessions", exerciseSessions);
        fields.put("outsideExercise", outsideExercise);
        fields.put("outsideExerciseKinds", outsideExerciseKinds);
        fields.put("outsideExerciseMinutes", outsideExerciseMinutes);
        fields.put("newHealthProblem", newHealthProblem);
        fields.put("newHealthProblemDetail", newHealthProblemDetail);
        fields.put("concernDetail", concernDetail);
        fields.put("callBackAt", callBackAt);
        fields.put("notes", notes);
        var save = new Button(getTranslation("call.save"), e -> {
            if (outcome.getValue() == null) {
                FieldErrors.show(this, ValidationException.of("outcome", "call.outcome.required"), fields);
                return;
            }
            try {
                records.recordAttempt(context.call().requireId(), new CallEntry(outcome.getValue(),
                        outcome.getValue() == CallOutcome.COMPLETED ? answers() : null,
                        callBackAt.getValue() == null ? null : callBackAt.getValue().atZone(zone).toInstant(),
                        notes.getValue(), context.call().getVersion() == null ? 0 : context.call().getVersion()));
                saved.run();
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().addClassName("call-form");
        getContent().add(outcome, answers, callBackAt, notes, save);
    }

    private CallAnswers answers() {
        return new CallAnswers(taking.getValue(), missedDoses.getValue(), sideEffects.getValue().isEmpty()
                ? EnumSet.noneOf(SideEffect.class) : EnumSet.copyOf(sideEffects.getValue()), concerns.getValue(),
                jointPain.getValue(), exerciseSessions.getValue(), newHealthProblem.getValue(),
                newHealthProblemDetail.getValue(), topics.getValue().isEmpty() ? EnumSet.noneOf(
                        CounsellingTopic.class) : EnumSet.copyOf(topics.getValue()), concernFlagged.getValue(),
                concernDetail.getValue(), outsideExercise.getValue(), Boolean.TRUE.equals(outsideExercise.getValue())
                        ? Set.copyOf(outsideExerciseKinds.getValue()) : Set.of(),
                Boolean.TRUE.equals(outsideExercise.getValue()) ? outsideExerciseMinutes.getValue() : null);
    }

    private RadioButtonGroup<Boolean> yesNo(String labelKey) {
        var group = new RadioButtonGroup<Boolean>(getTranslation(labelKey));
        group.setItems(List.of(Boolean.TRUE, Boolean.FALSE));
        group.setItemLabelGenerator(b -> getTranslation(b ? "call.yes" : "call.no"));
        return group;
    }
}
