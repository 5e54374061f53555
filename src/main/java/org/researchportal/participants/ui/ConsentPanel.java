package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.researchportal.base.ui.DatePickers;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.participants.Consent;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.DocumentRow;

/**
 * Informed consent: recorded before enrolment with separate SMS and email contact consent; withdrawn in part or whole.
 */
final class ConsentPanel extends Composite<Div> {

    ConsentPanel(ParticipantRecord record, ConsentService consents, List<DocumentRow> consentForms,
            Runnable reload) {
        Div content = getContent();
        content.addClassNames("card", "consent-panel");
        content.add(new H2(getTranslation("consent.title")));
        Consent consent = record.consent();
        if (consent != null) {
            content.add(new Paragraph(getTranslation("consent.summary", consent.documentVersion(),
                    Formats.date(consent.consentedOn(), getLocale()), consent.takenBy())),
                    new Paragraph(getTranslation("consent.contact", yesNo(consent.smsContact()),
                            yesNo(consent.emailContact()))));
            consent.withdrawals().forEach(w -> content.add(new Paragraph(getTranslation("consent.withdrawal",
                    getTranslation("consent.scope." + w.scope().name().toLowerCase(Locale.ROOT)),
                    Formats.date(w.withdrawnOn(), getLocale()), w.reason(), w.recordedBy()))));
            if (!consent.withdrawnFromParticipation()) {
                var withdraw = new Button(getTranslation("consent.withdraw"),
                        e -> new WithdrawConsentDialog(record, consents, reload).open());
                withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                content.add(withdraw);
            }
        } else if (record.status() == ParticipantStatus.ENROLLED || record.status() == ParticipantStatus.WITHDRAWN) {
            content.add(new Paragraph(getTranslation("consent.imported")));
        } else {
            content.add(form(record, consents, consentForms, reload));
        }
    }

    private FormLayout form(ParticipantRecord record, ConsentService consents, List<DocumentRow> consentForms,
            Runnable reload) {
        // The version signed, offered from the consent forms in the study's documents; typed when there are none.
        var version = new ComboBox<String>(getTranslation("consent.version"));
        version.setItems(consentForms.stream().map(DocumentRow::label).toList());
        version.setAllowCustomValue(consentForms.isEmpty());
        version.addCustomValueSetListener(e -> version.setValue(e.getDetail()));
        version.setPlaceholder(getTranslation("consent.version.example"));
        consentForms.stream().findFirst().ifPresent(f -> version.setValue(f.label()));
        var date = DatePickers.create(getTranslation("consent.date"), LocalDate.now());
        var sms = new Checkbox(getTranslation("consent.sms"));
        var email = new Checkbox(getTranslation("consent.email"));
        Map<String, HasValidation> fields = Map.of("documentVersion", version, "consentedOn", date);
        var save = new Button(getTranslation("consent.record"), e -> {
            try {
                consents.recordConsent(record.id(), version.getValue() == null ? "" : version.getValue(),
                        date.getValue() == null ? LocalDate.now() : date.getValue(), sms.getValue(), email.getValue(),
                        null);
                reload.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(version, date, sms, email, save);
        form.setColspan(save, 2);
        return form;
    }

    private String yesNo(boolean value) {
        return getTranslation(value ? "answer.yes" : "answer.no");
    }
}
