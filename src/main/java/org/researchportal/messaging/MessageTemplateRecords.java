package org.researchportal.messaging;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The tenant's own wordings of its messages, one per kind, channel and language, in the tenant in scope. */
@Component
class MessageTemplateRecords {

    private final TenantDocuments documents;

    MessageTemplateRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    Optional<MessageTemplate> wording(MessagePurpose purpose, Channel channel, String language) {
        return documents.findOne(of(purpose, channel, language), MessageTemplate.class);
    }

    /** Keeps the tenant's wording of a kind, channel and language, the first one too. */
    void save(MessagePurpose purpose, Channel channel, String language, @Nullable String subject, String body,
            String updatedBy, Instant at) {
        documents.findAndModify(of(purpose, channel, language), new Update().set("subject", subject)
                .set("body", body).set("updatedBy", updatedBy).set("updatedAt", at),
                FindAndModifyOptions.options().upsert(true), MessageTemplate.class);
    }

    private static Query of(MessagePurpose purpose, Channel channel, String language) {
        return Query.query(Criteria.where("purpose").is(purpose).and("channel").is(channel).and("language")
                .is(language));
    }
}
