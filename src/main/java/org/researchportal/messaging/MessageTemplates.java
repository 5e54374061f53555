package org.researchportal.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalLocales;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The words of every message, per tenant, kind, channel and language (English, Simplified Chinese). A tenant
 * administrator rewrites them with a preview; the placeholders are checked against what each kind may use, and an
 * SMS shows what it costs in segments. Without a tenant's own wording the portal's default is used.
 */
@Service
public class MessageTemplates {

    static final Set<String> LANGUAGES = PortalLocales.SUPPORTED.stream().map(PortalLocales::toTag)
            .collect(Collectors.toUnmodifiableSet());
    static final int SMS_MAX_SEGMENTS = 4;
    static final int SUBJECT_MAX_LENGTH = 150;

    /** What the administrator sees before saving: the message as a person would get it, and its SMS cost. */
    public record Preview(@Nullable String subject, String body, @Nullable SmsSegments segments) {}

    private final MessageTemplateRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    MessageTemplates(MessageTemplateRecords records, AuditTrail audit, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** The tenant's wording, or the portal's default. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR, Authorities.CLINICIAN, Authorities.THERAPIST})
    public TemplateText template(MessagePurpose purpose, Channel channel, String language) {
        return records.wording(purpose, channel, language).map(MessageTemplate::toText)
                .orElseGet(() -> DefaultTemplates.of(purpose, channel, language));
    }

    /** The placeholders a kind of message may use, for the editor to list. */
    public static java.util.List<String> placeholders(MessagePurpose purpose) {
        return DefaultTemplates.PLACEHOLDERS.get(purpose).stream().sorted().toList();
    }

    /** Checks a wording and shows it filled with sample values, without saving. */
    @Secured(Authorities.TENANT_ADMIN)
    public Preview preview(MessagePurpose purpose, Channel channel, String language, TemplateText text) {
        check(purpose, channel, language, text);
        return previewOf(channel, text.render(samples(language)));
    }

    @Secured(Authorities.TENANT_ADMIN)
    public Preview save(MessagePurpose purpose, Channel channel, String language, TemplateText text) {
        check(purpose, channel, language, text);
        TemplateText before = template(purpose, channel, language);
        records.save(purpose, channel, language, channel == Channel.SMS ? null : text.subject(), text.body(),
                CurrentUser.require().username(), clock.instant());
        audit.record("template.saved", "MessageTemplate", purpose + "/" + channel + "/" + language, before, text,
                null);
        return previewOf(channel, text.render(samples(language)));
    }

    private static void check(MessagePurpose purpose, Channel channel, String language, TemplateText text) {
        Map<String, String> errors = new HashMap<>();
        if (!LANGUAGES.contains(language)) {
            errors.put("language", "template.language.invalid");
        }
        if (Inputs.isBlankOrLonger(text.body(), Outbox.BODY_MAX_LENGTH)) {
            errors.put("body", "template.body.invalid");
        } else if (!text.bracesBalanced()) {
            errors.put("body", "template.braces");
        } else {
            Set<String> unknown = new TreeSet<>(text.placeholders());
            unknown.removeAll(DefaultTemplates.PLACEHOLDERS.get(purpose));
            if (!unknown.isEmpty()) {
                errors.put("body", "template.placeholder.unknown");
            }
        }
        if (channel == Channel.EMAIL && Inputs.isBlankOrLonger(text.subject(), SUBJECT_MAX_LENGTH)) {
            errors.put("subject", "template.subject.invalid");
        }
        if (channel == Channel.SMS && errors.isEmpty()
                && SmsSegments.of(text.render(samples(language)).body()).segments() > SMS_MAX_SEGMENTS) {
            errors.put("body", "template.sms.too-long");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static Preview previewOf(Channel channel, TemplateText rendered) {
        return new Preview(rendered.subject(), rendered.body(), channel == Channel.SMS
                ? SmsSegments.of(rendered.body()) : null);
    }

    /** Values of a realistic length, so the preview's SMS cost is the real one. */
    static Map<String, String> samples(String language) {
        boolean zh = language.startsWith("zh");
        return Map.of("name", zh ? "王芳" : "Wang Fang", "time", "09:00", "link", "https://portal.example.org/l/"
                + "x".repeat(22), "date", zh ? "2026年12月1日" : "1 Dec 2026", "window", "14:00-17:00",
                "study", "RE-MS", "participant", "RE-MS-001", "alert", zh ? "安全停止" : "safety stop");
    }
}
