package org.researchportal.tenancy.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.tenancy.FirstAdministrator;
import org.researchportal.tenancy.NewTenant;
import org.researchportal.tenancy.Tenant;
import org.researchportal.tenancy.TenantService;

/**
 * A new tenant and its first administrator. With local sign-in the administrator's one-time set-password link is
 * shown once, here, to hand on; with OpenID Connect their account is made in the identity provider, and the form says
 * so.
 */
final class NewTenantForm extends Composite<Div> {

    private final Div handOver = new Div();

    NewTenantForm(TenantService tenants, boolean oidc, Consumer<Tenant> created) {
        var code = new TextField(getTranslation("tenant.code"));
        code.setMaxLength(Tenant.CODE_MAX_LENGTH);
        code.setHelperText(getTranslation("tenant.code.help"));
        var name = new TextField(getTranslation("tenant.name"));
        name.setMaxLength(Tenant.NAME_MAX_LENGTH);
        var nameZh = new TextField(getTranslation("tenant.name-zh"));
        nameZh.setMaxLength(Tenant.NAME_MAX_LENGTH);
        var timeZone = timeZones(getTranslation("tenant.timezone"));
        var username = new TextField(getTranslation("tenant.admin.username"));
        var adminName = new TextField(getTranslation("tenant.admin.name"));
        var email = new EmailField(getTranslation("tenant.admin.email"));
        Map<String, HasValidation> fields = new HashMap<>(Map.of("code", code, "name", name, "timeZone", timeZone,
                "admin.username", username, "admin.displayName", adminName, "admin.email", email, "nameZh", nameZh));
        var create = new Button(getTranslation("action.create"), e -> {
            try {
                NewTenant made = tenants.createWithAdministrator(code.getValue(), name.getValue(),
                        timeZone.getValue() == null ? "" : timeZone.getValue(), new FirstAdministrator(
                                username.getValue(), adminName.getValue(), email.getValue()));
                if (!nameZh.getValue().isBlank()) {
                    tenants.nameInChinese(made.tenant().id(), nameZh.getValue());
                }
                FieldErrors.clear(fields);
                showHandOver(made, username.getValue().strip());
                code.clear();
                name.clear();
                nameZh.clear();
                username.clear();
                adminName.clear();
                email.clear();
                created.accept(made.tenant());
                Notification.show(getTranslation("tenant.created-message", made.tenant().name()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // The first administrator's heading spans the form, so their fields start on a row of their own.
        var adminTitle = new H3(getTranslation("tenant.admin.title"));
        var form = new FormLayout(code, name, nameZh, timeZone, adminTitle);
        form.setColspan(adminTitle, 2);
        if (oidc) {
            // The identity provider owns accounts: the person is made there, with this tenant's code.
            form.add(new Paragraph(getTranslation("tenant.admin.oidc")));
        } else {
            form.add(username, adminName, email);
        }
        form.add(create);
        handOver.addClassName("portal-notice");
        handOver.setVisible(false);
        getContent().add(form, handOver);
    }

    private void showHandOver(NewTenant made, String username) {
        handOver.removeAll();
        if (made.setPasswordLink() == null) {
            handOver.add(new Paragraph(getTranslation("tenant.admin.oidc-made", made.tenant().id())));
        } else {
            var link = new TextField(getTranslation("tenant.admin.link"));
            link.setValue(made.setPasswordLink());
            link.setReadOnly(true);
            link.setWidthFull();
            link.addThemeVariants(TextFieldVariant.LUMO_SMALL);
            handOver.add(new Paragraph(getTranslation("tenant.admin.link-once", username)), link);
        }
        handOver.setVisible(true);
    }

    static ComboBox<String> timeZones(String label) {
        var timeZone = new ComboBox<String>(label);
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        timeZone.setValue("Asia/Shanghai");
        return timeZone;
    }
}
