package org.researchportal.participants.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.DatePickers;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ConsentWithdrawal.Scope;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ScreeningService;

/** Records a withdrawal of consent: what is withdrawn, when, and why. */
final class WithdrawConsentDialog extends Dialog {

    WithdrawConsentDialog(ParticipantRecord record, ConsentService consents, Runnable onDone) {
        setHeaderTitle(getTranslation("consent.withdraw"));
        var scope = new Select<Scope>();
        scope.setLabel(getTranslation("consent.scope"));
        scope.setItems(Scope.values());
        scope.setItemLabelGenerator(s -> getTranslation("consent.scope." + s.name().toLowerCase(Locale.ROOT)));
        scope.setValue(Scope.SMS_CONTACT);
        var date = DatePickers.create(getTranslation("consent.withdrawn-on"), LocalDate.now());
        var reason = new TextArea(getTranslation("change.reason"));
        reason.setMaxLength(ScreeningService.REASON_MAX_LENGTH);
        add(new FormLayout(scope, date, reason));
        Map<String, HasValidation> fields = Map.of("withdrawnOn", date, "reason", reason);
        var confirm = new Button(getTranslation("consent.withdraw"), e -> {
            try {
                consents.withdrawConsent(record.id(), scope.getValue(),
                        date.getValue() == null ? LocalDate.now() : date.getValue(), reason.getValue());
                close();
                onDone.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }
}
