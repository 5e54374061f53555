package org.researchportal.identity.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import java.util.Map;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.identity.Account;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;

/** Creates an account in the tenant. The service checks every field again and its messages land here. */
final class NewAccountDialog extends Dialog {

    NewAccountDialog(AccountService accounts, boolean localSignIn, Runnable onCreated) {
        setHeaderTitle(getTranslation("users.new"));
        var username = new TextField(getTranslation("account.username"));
        username.setMaxLength(Account.USERNAME_MAX_LENGTH);
        username.setRequired(true);
        var displayName = new TextField(getTranslation("account.display-name"));
        displayName.setMaxLength(Account.DISPLAY_NAME_MAX_LENGTH);
        displayName.setRequired(true);
        var email = new EmailField(getTranslation("account.email"));
        email.setMaxLength(Inputs.EMAIL_MAX_LENGTH);
        var language = new Select<Locale>();
        language.setLabel(getTranslation("account.language"));
        language.setItems(PortalLocales.SUPPORTED);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.toLanguageTag()));
        language.setValue(getLocale().getLanguage().equals("zh") ? PortalLocales.SIMPLIFIED_CHINESE
                : PortalLocales.ENGLISH);
        var password = new PasswordField(getTranslation("account.initial-password"));
        password.setHelperText(getTranslation("account.password.help", Account.PASSWORD_MIN_LENGTH));
        password.setMaxLength(Account.PASSWORD_MAX_BYTES);
        password.setVisible(localSignIn);
        var roles = new RoleChoice();

        var form = new FormLayout(username, displayName, email, language, password, roles);
        form.setColspan(roles, 2);
        add(form);

        Map<String, HasValidation> fields = Map.of("username", username, "displayName", displayName, "email", email,
                "password", password, "roles", roles);
        var create = new Button(getTranslation("action.create"), e -> {
            try {
                accounts.create(new NewAccount(username.getValue(), displayName.getValue(), email.getValue(),
                        language.getValue().toLanguageTag(), roles.getValue(),
                        localSignIn ? password.getValue() : null));
                onCreated.run();
                close();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), create);
    }
}
