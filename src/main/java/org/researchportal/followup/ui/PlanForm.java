package org.researchportal.followup.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.followup.CallQuestion;
import org.researchportal.followup.CallScript;
import org.researchportal.followup.FollowUpPlanSettings;
import org.researchportal.followup.FollowUpPlans;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;

/**
 * One arm's follow-up plan as the tenant administrator sets it: when the calls come, their window, how many
 * attempts make a call missed and how far apart, and the script (opening in both languages, the questions).
 */
final class PlanForm extends Composite<Div> {

    private final IntegerField firstAfter = number("followup.plan.first", 0, 24);
    private final IntegerField interval = number("followup.plan.interval", 1, 12);
    private final IntegerField calls = number("followup.plan.calls", 1, 60);
    private final IntegerField window = number("followup.plan.window", 0, 13);
    private final IntegerField attempts = number("followup.plan.attempts", 1, 10);
    private final IntegerField retry = number("followup.plan.retry", 1, 72);
    private final TextArea openingEn = new TextArea();
    private final TextArea openingZh = new TextArea();
    private final CheckboxGroup<CallQuestion> questions = new CheckboxGroup<>();

    PlanForm(String studyId, Arm arm, @Nullable FollowUpPlanSettings current, FollowUpPlans plans) {
        openingEn.setLabel(getTranslation("followup.plan.opening-en"));
        openingZh.setLabel(getTranslation("followup.plan.opening-zh"));
        questions.setLabel(getTranslation("followup.plan.questions"));
        questions.setItems(CallQuestion.values());
        questions.setItemLabelGenerator(q -> getTranslation(q.messageKey()));
        if (current != null) {
            firstAfter.setValue(current.firstAfterMonths());
            interval.setValue(current.intervalMonths());
            calls.setValue(current.calls());
            window.setValue(current.windowDays());
            attempts.setValue(current.maxAttempts());
            retry.setValue(current.retryAfterHours());
            openingEn.setValue(current.script().openingEn());
            openingZh.setValue(current.script().openingZh());
            questions.setValue(new java.util.LinkedHashSet<>(current.script().questions()));
        } else {
            // A monthly plan as RE-MS runs it, to start from.
            firstAfter.setValue(1);
            interval.setValue(1);
            calls.setValue(3);
            window.setValue(7);
            attempts.setValue(3);
            retry.setValue(4);
            if (arm.kind() == ArmKind.CONTROL) {
                // Contamination: the control arm is asked about exercise outside the study unless the team unticks it.
                questions.setValue(EnumSet.of(CallQuestion.OUTSIDE_EXERCISE));
            }
        }
        var form = new FormLayout(firstAfter, interval, calls, window, attempts, retry);
        form.add(openingEn, 3);
        form.add(openingZh, 3);
        form.add(questions, 3);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("firstAfterMonths", firstAfter);
        fields.put("intervalMonths", interval);
        fields.put("calls", calls);
        fields.put("windowDays", window);
        fields.put("maxAttempts", attempts);
        fields.put("retryAfterHours", retry);
        fields.put("script", questions);
        var save = new Button(getTranslation("followup.plan.save", arm.name()), e -> {
            try {
                plans.configure(studyId, arm.code(), new FollowUpPlanSettings(value(firstAfter), value(interval),
                        value(calls), value(window), value(attempts), value(retry), new CallScript(
                                openingEn.getValue().trim(), openingZh.getValue().trim(), Arrays.stream(
                                        CallQuestion.values()).filter(questions.getValue()::contains).toList())));
                FieldErrors.clear(fields);
                Notification.show(getTranslation("followup.plan.saved", arm.name()), 4000,
                        Notification.Position.BOTTOM_START);
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().addClassName("card");
        getContent().add(new H3(arm.name()), form, save);
    }

    private IntegerField number(String key, int min, int max) {
        var field = new IntegerField(getTranslation(key));
        field.setMin(min);
        field.setMax(max);
        field.setStepButtonsVisible(true);
        return field;
    }

    /** An empty field is out of range, so the service names it. */
    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }
}
