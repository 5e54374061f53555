package org.researchportal.exercise.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.DatePickers;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.exercise.SessionEntry;
import org.researchportal.exercise.SessionLog;
import org.researchportal.exercise.SessionLogging;
import org.researchportal.exercise.TodayPlan;

/**
 * Logs a session: which exercises, how long, how hard (Borg CR10) and joint pain before and after. The service checks
 * every field again; its messages land at the fields. A safety stop or a pain rise brings the advice to stop, rest and
 * call the team.
 */
final class LogSessionDialog extends Dialog {

    LogSessionDialog(SessionLogging sessionLogging, TodayPlan plan, Runnable onLogged) {
        setHeaderTitle(getTranslation("exercise.log"));
        var date = DatePickers.create(getTranslation("session.date"), plan.date());
        date.setMax(plan.date());
        date.setRequired(true);
        var done = new CheckboxGroup<String>(getTranslation("session.exercises"));
        List<String> codes = plan.exercises().stream().map(p -> p.exercise().code()).toList();
        done.setItems(codes);
        done.setItemLabelGenerator(code -> plan.exercises().stream().filter(p -> p.exercise().code().equals(code))
                .findFirst().map(p -> p.exercise().title().in(getLocale())).orElse(code));
        done.setValue(Set.copyOf(codes));
        var minutes = new ScoreField(getTranslation("session.minutes"), 1, SessionLog.MAX_MINUTES);
        var exertion = new ScoreField(getTranslation("session.exertion"), 0, 10);
        exertion.setHelperText(getTranslation("session.exertion.help"));
        var painBefore = new ScoreField(getTranslation("session.pain-before"), 0, 10);
        var painAfter = new ScoreField(getTranslation("session.pain-after"), 0, 10);
        painBefore.setHelperText(getTranslation("session.pain.help"));
        var note = new TextArea(getTranslation("session.note"));
        note.setMaxLength(SessionLog.NOTE_MAX_LENGTH);
        var safetyStop = new Checkbox(getTranslation("session.safety-stop"));

        var form = new FormLayout(date, minutes, exertion, painBefore, painAfter, done, note, safetyStop);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        form.setColspan(done, 2);
        form.setColspan(note, 2);
        form.setColspan(safetyStop, 2);
        add(form);

        Map<String, HasValidation> fields = Map.of("date", date, "exercises", done, "minutes", minutes, "exertion",
                exertion, "painBefore", painBefore, "painAfter", painAfter, "note", note);
        var save = new Button(getTranslation("action.save"), e -> {
            FieldErrors.clear(fields);
            if (date.getValue() == null) {
                date.setErrorMessage(getTranslation("session.date.invalid"));
                date.setInvalid(true);
                return;
            }
            try {
                sessionLogging.logSession(new SessionEntry(date.getValue(), done.getValue().stream().sorted().toList(),
                        minutes.valueOrOutOfRange(), exertion.valueOrOutOfRange(), painBefore.valueOrOutOfRange(),
                        painAfter.valueOrOutOfRange(), note.getValue(), safetyStop.getValue()));
                // A safety stop or a pain rise: the page shows what the manual says to do; the notice points to it.
                if (sessionLogging.mySafetyAdvice().isPresent()) {
                    Notification.show(getTranslation("session.safety-stop.advice"), 10000,
                            Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_WARNING);
                } else {
                    Notification.show(getTranslation("session.logged"), 4000, Notification.Position.BOTTOM_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }
                close();
                onLogged.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
