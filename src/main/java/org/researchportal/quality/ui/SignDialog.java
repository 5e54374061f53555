package org.researchportal.quality.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.identity.Reauthentications;
import org.researchportal.quality.SignatureRecord;
import org.researchportal.quality.Signatures;

/**
 * The investigator signs: what is signed and what the signature means, then the proof of who signs. With local
 * sign-in the password (and, for the first signing of the session, the username) is typed here, and a wrong one is
 * refused at its field; with Keycloak the browser goes there to re-enter the password and comes back signed.
 */
final class SignDialog extends Dialog {

    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();

    SignDialog(String participantId, @Nullable String timepoint, String what, Signatures signatures,
            Reauthentications reauthentications, Runnable signed) {
        setHeaderTitle(getTranslation("signature.sign.title"));
        addClassName("sign-dialog");
        var meaning = new Span(getTranslation(SignatureRecord.REVIEWED_AND_APPROVED));
        meaning.addClassName("signature-meaning");
        add(new Paragraph(what), new Paragraph(getTranslation("signature.sign.statement")), new Paragraph(
                new Span(getTranslation("signature.meaning") + ": "), meaning));
        boolean here = !reauthentications.throughIdentityProvider();
        var form = new FormLayout();
        username.setLabel(getTranslation("signature.username"));
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        password.setLabel(getTranslation("signature.password"));
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        if (reauthentications.asksForUsername()) {
            form.add(username);
        }
        if (here) {
            form.add(password);
        } else {
            add(new Paragraph(getTranslation("signature.sign.at-identity-provider")));
        }
        add(form);
        Map<String, HasValidation> fields = new HashMap<>(Map.of("username", username, "password", password));
        var confirm = new Button(getTranslation("signature.sign"), e -> {
            String typed = username.isVisible() && username.getParent().isPresent() ? username.getValue() : null;
            try {
                if (here) {
                    String secret = password.getValue();
                    // The password is not kept in the field after any attempt, right or wrong.
                    password.clear();
                    signatures.sign(participantId, timepoint, typed, secret);
                    close();
                    signed.run();
                } else {
                    String start = signatures.beginSigning(participantId, timepoint, typed);
                    UI.getCurrent().getPage().setLocation(start);
                }
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("sign-confirm");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }
}
