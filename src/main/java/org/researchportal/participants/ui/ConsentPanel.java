package org.researchportal.participants.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Locale;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.MarksBeside;
import org.researchportal.identity.PeopleNames;
import org.researchportal.participants.Consent;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.DocumentRow;

/**
 * Informed consent: recorded before enrolment with separate SMS and email contact consent, each answered explicitly;
 * corrected with a reason, renewed on a new form version (the history keeps each), withdrawn in part or whole.
 */
final class ConsentPanel extends Composite<Div> {

    ConsentPanel(ParticipantRecord record, PeopleNames people, ConsentService consents,
            List<DocumentRow> consentForms, List<com.vaadin.flow.component.Component> marks, Runnable reload,
            FormMarkings markings) {
        Div content = getContent();
        content.addClassNames("card", "consent-panel");
        content.add(new H2(getTranslation("consent.title")));
        marks.forEach(content::add);
        Consent consent = record.consent();
        if (consent != null) {
            content.add(new Paragraph(getTranslation("consent.summary", consent.documentVersion(),
                    Formats.date(consent.consentedOn(), getLocale()), people.shown(consent.takenBy(), getLocale()))),
                    new Paragraph(getTranslation("consent.contact", yesNo(consent.smsContact()),
                            yesNo(consent.emailContact()))));
            // A query on a consent entry shows here: its fields are read as text on the record.
            ClinicalForm form = ClinicalForm.consent(record.studyId(), record.id());
            List<Component> fieldMarks = java.util.stream.Stream.of("documentVersion", "consentedOn", "takenBy",
                    "smsContact", "emailContact").flatMap(f -> markings.forField(form.item(f)).stream()).toList();
            if (!fieldMarks.isEmpty()) {
                content.add(MarksBeside.row(fieldMarks));
            }
            consent.withdrawals().forEach(w -> content.add(new Paragraph(getTranslation("consent.withdrawal",
                    getTranslation("consent.scope." + w.scope().name().toLowerCase(Locale.ROOT)),
                    Formats.date(w.withdrawnOn(), getLocale()), w.reason(),
                    people.shown(w.recordedBy(), getLocale())))));
            history(record, people);
            if (!consent.withdrawnFromParticipation()) {
                var correct = new Button(getTranslation("consent.correct"), e -> new ConsentDialog(
                        ConsentDialog.Purpose.CORRECT, record, consent, consents, consentForms, reload).open());
                correct.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                content.add(correct);
                if (record.status() != ParticipantStatus.WITHDRAWN
                        && record.status() != ParticipantStatus.NOT_ELIGIBLE) {
                    var reconsent = new Button(getTranslation("consent.reconsent"), e -> new ConsentDialog(
                            ConsentDialog.Purpose.RECONSENT, record, consent, consents, consentForms, reload).open());
                    reconsent.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    content.add(reconsent);
                }
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

    /** The consents a re-consent replaced, oldest first, each as it was when replaced. */
    private void history(ParticipantRecord record, PeopleNames people) {
        if (record.earlierConsents().isEmpty()) {
            return;
        }
        var history = new Div();
        history.addClassName("consent-history");
        history.add(new H3(getTranslation("consent.history")));
        record.earlierConsents().forEach(earlier -> history.add(new Paragraph(getTranslation("consent.history.entry",
                earlier.documentVersion(), Formats.date(earlier.consentedOn(), getLocale()),
                people.shown(earlier.takenBy(), getLocale()),
                yesNo(earlier.smsContact()), yesNo(earlier.emailContact())))));
        getContent().add(history);
    }

    private Div form(ParticipantRecord record, ConsentService consents, List<DocumentRow> consentForms,
            Runnable reload) {
        var fields = new ConsentFields(consentForms, null);
        var save = new Button(getTranslation("consent.record"), e -> {
            try {
                consents.recordConsent(record.id(), fields.version(), fields.date(), fields.sms(), fields.email());
                reload.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields.byName());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new Div(fields, save);
    }

    private String yesNo(boolean value) {
        return getTranslation(value ? "answer.yes" : "answer.no");
    }
}
