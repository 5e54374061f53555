package org.researchportal.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tenant's own wording of one kind of message, for one channel and one language. */
@Document("message_templates")
@CompoundIndex(name = "tenant_purpose_channel_language",
        def = "{'tenantId': 1, 'purpose': 1, 'channel': 1, 'language': 1}", unique = true)
class MessageTemplate extends TenantOwnedDocument {

    private MessagePurpose purpose;
    private Channel channel;
    private String language;
    private @Nullable String subject;
    private String body;
    private String updatedBy;
    private Instant updatedAt;

    MessageTemplate(MessagePurpose purpose, Channel channel, String language, @Nullable String subject, String body,
            String updatedBy, Instant updatedAt) {
        this.purpose = purpose;
        this.channel = channel;
        this.language = language;
        this.subject = subject;
        this.body = body;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    TemplateText toText() {
        return new TemplateText(subject, body);
    }
}
