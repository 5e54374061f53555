package org.researchportal.participants.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;

/** Emergency unblinding of one participant: the reason is required and the act is audited. */
final class UnblindDialog extends Dialog {

    UnblindDialog(ParticipantRecord record, RandomisationService service, Runnable onDone) {
        setHeaderTitle(getTranslation("unblind.action"));
        var reason = new TextArea(getTranslation("unblind.reason"));
        reason.setMaxLength(ScreeningService.REASON_MAX_LENGTH);
        reason.setWidthFull();
        add(new Paragraph(getTranslation("unblind.explain")), reason);
        var confirm = new Button(getTranslation("unblind.confirm"), e -> {
            try {
                String arm = service.emergencyUnblind(record.id(), reason.getValue());
                close();
                Notification.show(getTranslation("unblind.done", record.displayName(), arm), 8000,
                        Notification.Position.MIDDLE);
                onDone.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, Map.of("reason", reason));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }
}
