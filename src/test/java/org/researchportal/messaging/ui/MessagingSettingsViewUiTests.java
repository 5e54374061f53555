package org.researchportal.messaging.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.PasswordLinks;
import org.researchportal.tenancy.FirstAdministrator;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A tenant administrator enters the institution's Twilio account and email sender on a screen of their own: formats
 * refused at the field, the auth token kept sealed and never shown back, only whether one is set.
 */
class MessagingSettingsViewUiTests extends UiTest {

    private static final String ACCOUNT = "AC" + "fedcba9876543210".repeat(2);
    private static final String TOKEN = "tok3n" + "x".repeat(27);

    @Autowired
    TenantService tenants;
    @Autowired
    PasswordLinks links;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anAdministratorSetsTheInstitutionsTwilioAccountAndEmailSender() {
        String tenant = "m" + UUID.randomUUID().toString().substring(0, 8);
        String admin = tenant + ".admin";
        String link = asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.createWithAdministrator(tenant,
                "Messaging " + tenant, "Asia/Shanghai", new FirstAdministrator(admin, "Admin", null)))
                .setPasswordLink();
        assertThat(links.setPassword(link.substring(link.lastIndexOf('/') + 1), PASSWORD)).contains(admin);

        signInToUi(admin);
        UI.getCurrent().navigate("admin/messaging");
        TextField account = _get(TextField.class, spec -> spec.withLabel("Twilio account SID"));
        PasswordField token = _get(PasswordField.class, spec -> spec.withLabel("Twilio auth token"));
        TextField service = _get(TextField.class, spec -> spec.withLabel("Messaging service SID"));
        TextField from = _get(TextField.class, spec -> spec.withLabel("Sender number"));
        EmailField email = _get(EmailField.class, spec -> spec.withLabel("Sender email address"));
        assertThat(token.getHelperText()).isEqualTo("No token is set yet.");

        account.setValue("AC123");
        service.setValue("MG-not-a-sid");
        email.setValue("not an address");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(account.getErrorMessage()).startsWith("A Twilio account SID starts with AC");
        assertThat(service.getErrorMessage()).startsWith("A messaging service SID starts with MG");
        assertThat(email.getErrorMessage()).isEqualTo("Enter a valid sender email address.");

        account.setValue(ACCOUNT);
        service.clear();
        email.setValue("trials@hospital.example");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(token.getErrorMessage()).isEqualTo("Enter the account's auth token.");
        assertThat(service.getErrorMessage()).isEqualTo("Give a messaging service SID or a sender number.");

        token.setValue(TOKEN);
        // The institution's own sender number, which is no participant's.
        from.setValue("+86 139 9999 0001");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(account.isInvalid() || token.isInvalid() || from.isInvalid() || email.isInvalid()).isFalse();
        assertThat(token.getValue()).isEmpty();
        assertThat(token.getHelperText()).startsWith("A token is set; it is never shown.");

        UI.getCurrent().navigate("admin/messaging");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Twilio account SID")).getValue()).isEqualTo(ACCOUNT);
        assertThat(_get(TextField.class, spec -> spec.withLabel("Sender number")).getValue())
                .isEqualTo("+8613999990001");
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("Twilio auth token")).getValue()).isEmpty();
        assertThat(viewText()).doesNotContain(TOKEN);
        Document stored = mongo.findOne(Query.query(Criteria.where("tenantId").is(tenant)), Document.class,
                "messaging_settings");
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).contains(ACCOUNT).doesNotContain(TOKEN);

        signInToUi("lakeside.coordinator");
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/messaging")).hasMessageContaining("Access is denied");
    }
}
