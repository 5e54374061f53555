package org.researchportal.messaging.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.messaging.MessagingSettingsService;
import org.researchportal.messaging.MessagingSettingsService.Summary;

/**
 * The institution's own messaging providers, entered by its administrator: the Twilio account its SMS go through and
 * the address its email comes from. The auth token is never shown back (it is stored sealed); the form only says
 * whether one is set, and a blank token field keeps it.
 */
@Route("admin/messaging")
@Menu(order = 77, icon = "COG", title = "menu.messaging-settings")
@RolesAllowed(Roles.TENANT_ADMIN)
final class MessagingSettingsView extends Main implements HasDynamicTitle {

    private final MessagingSettingsService settings;
    private final TextField accountSid = new TextField();
    private final PasswordField authToken = new PasswordField();
    private final TextField serviceSid = new TextField();
    private final TextField smsFrom = new TextField();
    private final EmailField emailFrom = new EmailField();

    MessagingSettingsView(MessagingSettingsService settings) {
        this.settings = settings;
        addClassName("portal-view");
        accountSid.setLabel(getTranslation("messaging.account-sid"));
        accountSid.setHelperText(getTranslation("messaging.account-sid.help"));
        accountSid.setMaxLength(34);
        authToken.setLabel(getTranslation("messaging.auth-token"));
        authToken.setRevealButtonVisible(false);
        authToken.setMaxLength(64);
        serviceSid.setLabel(getTranslation("messaging.service-sid"));
        serviceSid.setHelperText(getTranslation("messaging.service-sid.help"));
        serviceSid.setMaxLength(34);
        smsFrom.setLabel(getTranslation("messaging.sms-from"));
        smsFrom.setHelperText(getTranslation("messaging.sms-from.help"));
        smsFrom.setMaxLength(40);
        emailFrom.setLabel(getTranslation("messaging.email-from"));
        emailFrom.setHelperText(getTranslation("messaging.email-from.help"));
        Map<String, HasValidation> fields = Map.of("accountSid", accountSid, "authToken", authToken,
                "messagingServiceSid", serviceSid, "smsFrom", smsFrom, "emailFrom", emailFrom);
        var save = new Button(getTranslation("action.save"), e -> {
            try {
                show(settings.save(accountSid.getValue(), authToken.getValue(), serviceSid.getValue(),
                        smsFrom.getValue(), emailFrom.getValue()));
                FieldErrors.clear(fields);
                Notification.show(getTranslation("messaging.settings-saved"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var intro = new Paragraph(getTranslation("messaging.settings-intro"));
        intro.addClassName("portal-notice");
        add(new ViewToolbar(getTranslation("menu.messaging-settings")), intro,
                new Section(getTranslation("messaging.sms-title"), new FormLayout(accountSid, authToken, serviceSid,
                        smsFrom)),
                new Section(getTranslation("messaging.email-title"), new FormLayout(emailFrom)), save);
        show(settings.current());
    }

    private void show(@Nullable Summary current) {
        accountSid.setValue(current == null ? "" : Objects.requireNonNullElse(current.twilioAccountSid(), ""));
        serviceSid.setValue(current == null ? "" : Objects.requireNonNullElse(current.messagingServiceSid(), ""));
        smsFrom.setValue(current == null ? "" : Objects.requireNonNullElse(current.smsFrom(), ""));
        emailFrom.setValue(current == null ? "" : Objects.requireNonNullElse(current.emailFrom(), ""));
        authToken.clear();
        boolean tokenSet = current != null && current.authTokenSet();
        authToken.setHelperText(getTranslation(tokenSet ? "messaging.auth-token.set" : "messaging.auth-token.not-set"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.messaging-settings");
    }
}
