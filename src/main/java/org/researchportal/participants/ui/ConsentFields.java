package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ui.DatePickers;
import org.researchportal.participants.Consent;
import org.researchportal.study.DocumentRow;

/**
 * What every consent records: the form version signed, the date and an answer to each contact question. Nothing is
 * filled in for the clinician (a consent nobody answered is no consent); a correction starts from what is recorded.
 */
final class ConsentFields extends Composite<FormLayout> {

    private final ComboBox<String> version = new ComboBox<>();
    private final DatePicker date = DatePickers.create("");
    private final RadioButtonGroup<Boolean> sms = new RadioButtonGroup<>();
    private final RadioButtonGroup<Boolean> email = new RadioButtonGroup<>();

    ConsentFields(List<DocumentRow> consentForms, @Nullable Consent start) {
        // The version signed, offered from the consent forms in the study's documents; typed when there are none.
        version.setLabel(getTranslation("consent.version"));
        version.setItems(consentForms.stream().map(DocumentRow::label).toList());
        version.setAllowCustomValue(consentForms.isEmpty());
        version.addCustomValueSetListener(e -> version.setValue(e.getDetail()));
        version.setPlaceholder(getTranslation("consent.version.example"));
        version.setRequiredIndicatorVisible(true);
        date.setLabel(getTranslation("consent.date"));
        date.setMax(LocalDate.now());
        date.setRequiredIndicatorVisible(true);
        answer(sms, "consent.sms");
        answer(email, "consent.email");
        if (start != null) {
            version.setValue(start.documentVersion());
            date.setValue(start.consentedOn());
            sms.setValue(start.smsContact());
            email.setValue(start.emailContact());
        }
        getContent().add(version, date, sms, email);
    }

    private void answer(RadioButtonGroup<Boolean> group, String labelKey) {
        group.setLabel(getTranslation(labelKey));
        group.setItems(Boolean.TRUE, Boolean.FALSE);
        group.setItemLabelGenerator(yes -> getTranslation(yes ? "answer.yes" : "answer.no"));
        group.setRequiredIndicatorVisible(true);
    }

    @Nullable
    String version() {
        return version.getValue();
    }

    @Nullable
    LocalDate date() {
        return date.getValue();
    }

    @Nullable
    Boolean sms() {
        return sms.getValue();
    }

    @Nullable
    Boolean email() {
        return email.getValue();
    }

    /** The fields by the names the consent service gives them in its refusals. */
    Map<String, HasValidation> byName() {
        return Map.of("documentVersion", version, "consentedOn", date, "smsContact", sms, "emailContact", email);
    }
}
