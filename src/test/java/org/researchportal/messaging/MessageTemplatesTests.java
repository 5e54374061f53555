package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Templates: SMS cost counted as carriers count it, placeholders checked, both languages rendered, values escaped. */
class MessageTemplatesTests extends PortalTest {

    @Autowired
    MessageTemplates templates;
    @Autowired
    TenantService tenants;

    @Test
    void smsSegmentsAreCountedAsGsm7OrUcs2() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(false, 160, 1));
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments(false, 161, 2));
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(SmsSegments.of("{}".repeat(40))).as("extension characters count twice")
                .isEqualTo(new SmsSegments(false, 160, 1));
        assertThat(SmsSegments.of("运".repeat(70))).isEqualTo(new SmsSegments(true, 70, 1));
        assertThat(SmsSegments.of("运".repeat(71))).isEqualTo(new SmsSegments(true, 71, 2));
        assertThat(SmsSegments.of("运".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("Hi 😀").unicode()).isTrue();
        assertThat(SmsSegments.of("Hi 😀").characters()).as("an emoji is two UCS-2 units").isEqualTo(5);
    }

    @Test
    void defaultTemplatesRenderInBothLanguagesAndHtmlEscapesValues() {
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Templates " + tenant,
                "Asia/Shanghai"));
        TemplateText en = asSystem(tenant, Set.of(PortalRole.COORDINATOR), () -> templates.template(
                MessagePurpose.SESSION_REMINDER, Channel.SMS, "en"));
        TemplateText zh = asSystem(tenant, Set.of(PortalRole.COORDINATOR), () -> templates.template(
                MessagePurpose.SESSION_REMINDER, Channel.SMS, "zh-CN"));
        Map<String, String> values = Map.of("name", "Li <b>", "link", "https://p/l/abc", "time", "09:00");
        assertThat(en.render(values).body()).isEqualTo(
                "Hello Li <b>, a reminder from your study team for today. Please open: https://p/l/abc")
                .as("a reminder never names the programme or the arm").doesNotContainIgnoringCase("exercise");
        assertThat(zh.render(values).body()).startsWith("Li <b>，您好！").endsWith("https://p/l/abc");
        assertThat(en.subject()).as("an SMS has no subject").isNull();
        assertThat(en.renderHtml(values)).contains("Hello Li &lt;b&gt;,").doesNotContain("<b>");
    }

    @Test
    void anAdministratorsTemplateIsCheckedPreviewedAndUsed() {
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Templates " + tenant,
                "Asia/Shanghai"));
        java.util.function.Function<TemplateText, Object> save = text -> asSystem(tenant,
                Set.of(PortalRole.TENANT_ADMIN), () -> templates.save(MessagePurpose.SESSION_REMINDER, Channel.SMS,
                        "zh-CN", text));
        assertThatThrownBy(() -> save.apply(new TemplateText(null, "{name}，您的诊断是 {diagnosis}")))
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e)
                        .fieldMessageKeys()).isEqualTo(Map.of("body", "template.placeholder.unknown"));
        assertThatThrownBy(() -> save.apply(new TemplateText(null, "{name，打开 {link}")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> save.apply(new TemplateText(null, "运动".repeat(150) + "{link}")))
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e)
                        .fieldMessageKeys()).isEqualTo(Map.of("body", "template.sms.too-long"));

        MessageTemplates.Preview preview = (MessageTemplates.Preview) save.apply(new TemplateText(null,
                "{name}，今天 {time} 运动：{link}"));
        assertThat(preview.body()).startsWith("王芳，今天 09:00 运动：https://portal.example.org/l/");
        assertThat(preview.segments().unicode()).isTrue();
        assertThat(preview.segments().segments()).isEqualTo(1);
        assertThat(asSystem(tenant, Set.of(PortalRole.COORDINATOR), () -> templates.template(
                MessagePurpose.SESSION_REMINDER, Channel.SMS, "zh-CN")).body()).isEqualTo("{name}，今天 {time} 运动：{link}");
        assertThatThrownBy(() -> asSystem(tenant, Set.of(PortalRole.COORDINATOR), () -> templates.save(
                MessagePurpose.TEST, Channel.SMS, "en", new TemplateText(null, "Hi")))).isInstanceOf(
                        AccessDeniedException.class);
    }
}
