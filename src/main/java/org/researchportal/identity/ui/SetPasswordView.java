package org.researchportal.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Objects;
import org.researchportal.base.ValidationException;
import org.researchportal.identity.Account;
import org.researchportal.identity.PasswordLinks;

/**
 * Where a person sets their own password from a one-time link: a new tenant's first administrator, the installation's
 * first platform administrator. Nobody is signed in here; the link's token is the proof.
 */
@Route(value = "set-password", autoLayout = false)
@AnonymousAllowed
final class SetPasswordView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final PasswordLinks links;
    private final Div card = new Div();

    SetPasswordView(PasswordLinks links) {
        this.links = links;
        addClassName("login-view");
        card.addClassName("login-view__card");
        add(card);
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        card.removeAll();
        card.add(new H1(getTranslation("password-link.title")));
        if (!links.isOpen(token)) {
            card.add(new Paragraph(getTranslation("password-link.closed")), signIn());
            return;
        }
        var password = new PasswordField(getTranslation("password-link.password"));
        password.setHelperText(getTranslation("password-link.password.help", Account.PASSWORD_MIN_LENGTH));
        var repeat = new PasswordField(getTranslation("password-link.repeat"));
        var save = new Button(getTranslation("password-link.save"), e -> {
            repeat.setInvalid(false);
            password.setInvalid(false);
            if (!Objects.equals(password.getValue(), repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("password-link.repeat.differs"));
                repeat.setInvalid(true);
                return;
            }
            try {
                var username = links.setPassword(token, password.getValue());
                card.removeAll();
                card.add(new H1(getTranslation("password-link.title")), new Paragraph(username.isPresent()
                        ? getTranslation("password-link.done", username.get())
                        : getTranslation("password-link.closed")), signIn());
            } catch (ValidationException refused) {
                password.setErrorMessage(getTranslation(refused.fieldMessageKeys().getOrDefault("password",
                        "account.password.invalid")));
                password.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(new Paragraph(getTranslation("password-link.intro")), password, repeat, save);
    }

    private Anchor signIn() {
        var link = new Anchor("login", getTranslation("password-link.sign-in"));
        link.addClassName("big-link");
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password-link.title");
    }
}
