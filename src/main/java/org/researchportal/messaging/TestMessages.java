package org.researchportal.messaging;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.researchportal.base.Inputs;
import org.researchportal.base.PhoneNumbers;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** A test message from the administrator, through the same templates, outbox and dispatcher as every other. */
@Service
public class TestMessages {

    private final Outbox outbox;
    private final MessageTemplates templates;
    private final Clock clock;
    private final PhoneNumbers phones;

    TestMessages(Outbox outbox, MessageTemplates templates, Clock clock, PhoneNumbers phones) {
        this.outbox = outbox;
        this.templates = templates;
        this.clock = clock;
        this.phones = phones;
    }

    @Secured(Authorities.TENANT_ADMIN)
    public OutboxMessage send(Channel channel, String recipient, String language) {
        String typed = recipient == null ? "" : recipient.strip();
        // The number read as the participant forms read it (any usual way of writing it), and sent in E.164.
        String to = channel == Channel.EMAIL ? typed : phones.normalise(typed).orElse("");
        boolean valid = channel == Channel.EMAIL ? !to.isEmpty() && Inputs.isOptionalEmail(to) : !to.isEmpty();
        if (!valid) {
            throw ValidationException.of("recipient", channel == Channel.EMAIL ? "message.email.invalid"
                    : "message.phone.invalid");
        }
        TemplateText template = templates.template(MessagePurpose.TEST, channel, language);
        Map<String, String> values = Map.of("name", CurrentUser.require().displayName());
        TemplateText text = template.render(values);
        return outbox.enqueue(new NewMessage("test:" + UUID.randomUUID(), MessagePurpose.TEST, channel, to, null, null,
                Locale.forLanguageTag(language), text.subject(), text.body(), channel == Channel.EMAIL
                        ? template.renderHtml(values) : null, clock.instant()));
    }
}
