package org.researchportal.participants.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.participants.Consent;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.DocumentRow;

/**
 * Corrects the consent on record (every answer again, with the reason for the change) or records a re-consent on a
 * new form version (a new consent; the one it replaces stays in the history).
 */
final class ConsentDialog extends Dialog {

    enum Purpose {
        CORRECT, RECONSENT
    }

    ConsentDialog(Purpose purpose, ParticipantRecord record, Consent current, ConsentService consents,
            List<DocumentRow> consentForms, Runnable onDone) {
        boolean correcting = purpose == Purpose.CORRECT;
        addClassName("consent-dialog");
        setHeaderTitle(getTranslation(correcting ? "consent.correct" : "consent.reconsent"));
        add(new Paragraph(getTranslation(correcting ? "consent.correct.explain" : "consent.reconsent.explain",
                current.documentVersion())));
        var fields = new ConsentFields(consentForms, correcting ? current : null);
        var reason = new TextArea(getTranslation("change.reason"));
        reason.setMaxLength(ScreeningService.REASON_MAX_LENGTH);
        reason.setWidthFull();
        reason.setVisible(correcting);
        add(fields, reason);
        Map<String, HasValidation> byName = new HashMap<>(fields.byName());
        byName.put("reason", reason);
        var save = new Button(getTranslation(correcting ? "consent.correct.save" : "consent.reconsent.save"), e -> {
            try {
                if (correcting) {
                    consents.correctConsent(record.id(), fields.version(), fields.date(), fields.sms(),
                            fields.email(), reason.getValue());
                } else {
                    consents.reconsent(record.id(), fields.version(), fields.date(), fields.sms(), fields.email());
                }
                close();
                onDone.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, byName);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
