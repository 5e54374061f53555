package org.researchportal.quality.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.quality.FormLockRow;
import org.researchportal.quality.RecordLocking;

/** Asks the reason for lifting a lock; the service refuses without one. */
final class UnlockDialog extends Dialog {

    UnlockDialog(FormLockRow lock, RecordLocking locking, Runnable afterwards) {
        setHeaderTitle(getTranslation("lock.unlock.title"));
        var reason = new TextArea(getTranslation("lock.unlock.reason"));
        reason.setMaxLength(RecordLocking.REASON_MAX_LENGTH);
        reason.setWidthFull();
        reason.addClassName("unlock-reason");
        add(reason);
        var unlock = new Button(getTranslation("lock.action.unlock"), e -> {
            try {
                locking.unlock(lock.id(), reason.getValue());
                Notification.show(getTranslation("lock.action.unlocked"));
                close();
                afterwards.run();
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, Map.of("reason", reason));
            }
        });
        unlock.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("lock.action.cancel"), e -> close()), unlock);
    }
}
