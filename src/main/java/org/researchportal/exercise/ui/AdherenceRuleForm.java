package org.researchportal.exercise.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.exercise.AdherenceRule;
import org.researchportal.exercise.AdherenceRules;

/**
 * The study's adherence rule where the team keeps the manual: what counts as a session done and what makes a
 * participant adherent, with the reason for a change.
 */
final class AdherenceRuleForm extends Div {

    AdherenceRuleForm(AdherenceRules rules, String studyId) {
        addClassName("adherence-rule");
        AdherenceRule rule = rules.rule(studyId);
        var session = percentField("adherence.rule.session-percent", rule.sessionPercent());
        var adherent = percentField("adherence.rule.adherent-percent", rule.adherentPercent());
        var reason = new TextField(getTranslation("adherence.rule.reason"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        var form = new FormLayout(session, adherent, reason);
        form.setColspan(reason, 2);
        Map<String, HasValidation> fields = Map.of("sessionPercent", session, "adherentPercent", adherent,
                "reason", reason);
        var save = new Button(getTranslation("adherence.rule.save"), click -> {
            FieldErrors.clear(fields);
            try {
                rules.setRule(studyId, valueOf(session), valueOf(adherent), reason.getValue());
                reason.clear();
                Notification.show(getTranslation("adherence.rule.saved"));
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3(getTranslation("adherence.rule.title")), new Paragraph(getTranslation("adherence.rule.help")),
                form, save);
    }

    private IntegerField percentField(String key, int value) {
        var field = new IntegerField(getTranslation(key));
        field.setMin(1);
        field.setMax(100);
        field.setStepButtonsVisible(true);
        field.setValue(value);
        return field;
    }

    /** An empty field is sent as 0, which the service refuses at that field. */
    private static int valueOf(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }
}
