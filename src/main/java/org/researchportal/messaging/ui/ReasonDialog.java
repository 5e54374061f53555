package org.researchportal.messaging.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;

/** Asks why before a change to a message; the service checks the reason and the message's state. */
final class ReasonDialog extends Dialog {

    ReasonDialog(String title, Consumer<String> action) {
        setHeaderTitle(title);
        var reason = new TextField(getTranslation("message.reason"));
        reason.setMaxLength(500);
        reason.setRequired(true);
        reason.setWidthFull();
        add(reason);
        var confirm = new Button(title, e -> {
            try {
                action.accept(reason.getValue());
                close();
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, Map.of("reason", reason));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }
}
