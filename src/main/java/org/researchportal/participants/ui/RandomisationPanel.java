package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.identity.PeopleNames;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.Randomisation;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.RandomisationPlan;

/**
 * Enrolment by randomisation, once the candidate is eligible and consented; afterwards the allocation, who made it
 * and when, and any emergency unblinding.
 */
final class RandomisationPanel extends Composite<Div> {

    RandomisationPanel(ParticipantRecord record, PeopleNames people, @Nullable RandomisationPlan plan,
            RandomisationService service, Runnable reload) {
        Div content = getContent();
        content.addClassNames("card", "randomisation-panel");
        content.add(new H2(getTranslation("randomise.title")));
        Randomisation done = record.randomisation();
        if (record.armName() != null) {
            // A record brought in from an earlier system has no one who randomised it here: no "by" then.
            content.add(new Paragraph(done == null ? getTranslation("randomise.allocated-earlier", record.armName(),
                    Formats.date(record.enrolledOn(), getLocale())) : getTranslation("randomise.allocated",
                            record.armName(), Formats.date(record.enrolledOn(), getLocale()),
                            people.shown(done.by(), getLocale()))));
            record.unblindings().forEach(u -> content.add(new Paragraph(getTranslation("unblind.recorded",
                    Formats.dateTime(u.at(), CurrentUser.require().zone(), getLocale()),
                    people.shown(u.by(), getLocale()), u.reason()))));
            var unblind = new Button(getTranslation("unblind.action"),
                    e -> new UnblindDialog(record, service, reload).open());
            unblind.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            content.add(unblind);
        } else if (plan == null) {
            content.add(new Paragraph(getTranslation("randomise.not-set-up")));
        } else if (record.status() != ParticipantStatus.ELIGIBLE || record.consent() == null) {
            content.add(new Paragraph(getTranslation("randomise.needs")));
        } else {
            content.add(randomiseForm(record, plan, service, reload));
        }
    }

    private Div randomiseForm(ParticipantRecord record, RandomisationPlan plan, RandomisationService service,
            Runnable reload) {
        Map<String, Select<String>> levels = new HashMap<>();
        var form = new Div();
        plan.strata().forEach(factor -> {
            var level = new Select<String>();
            level.setLabel(getLocale().getLanguage().equals("zh") ? factor.labelZh() : factor.label());
            level.setItems(factor.levels());
            levels.put(factor.code(), level);
            form.add(level);
        });
        form.add(new Paragraph(getTranslation("randomise.explain")));
        Runnable confirmed = () -> {
            Map<String, String> chosen = new HashMap<>();
            levels.forEach((code, select) -> {
                if (select.getValue() != null) {
                    chosen.put(code, select.getValue());
                }
            });
            try {
                String arm = service.randomise(record.id(), chosen);
                Notification.show(getTranslation("randomise.done", arm), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                reload.run();
            } catch (ValidationException refusal) {
                Map<String, HasValidation> fields = new HashMap<>();
                levels.forEach((code, select) -> fields.put("stratum." + code, select));
                FieldErrors.show(this, refusal, fields);
            }
        };
        // An allocation is final: the clinician confirms who is randomised before a place of the sequence is opened.
        var randomise = new Button(getTranslation("randomise.action"), e -> confirm(record, confirmed));
        randomise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(randomise);
        return form;
    }

    private void confirm(ParticipantRecord record, Runnable confirmed) {
        var dialog = new Dialog();
        dialog.addClassName("randomise-confirm");
        dialog.setHeaderTitle(getTranslation("randomise.confirm.title", record.screeningNumber()));
        dialog.add(new Paragraph(getTranslation("randomise.confirm.text", record.displayName(),
                record.screeningNumber())));
        var go = new Button(getTranslation("randomise.confirm.action"), e -> {
            dialog.close();
            confirmed.run();
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), go);
        dialog.open();
    }
}
