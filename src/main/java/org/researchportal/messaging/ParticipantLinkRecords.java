package org.researchportal.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The reads and writes of participant links, in the tenant in scope; a link is found by its token's hash only. */
@Component
class ParticipantLinkRecords {

    private final TenantDocuments documents;

    ParticipantLinkRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    void add(ParticipantLink link) {
        documents.insert(link);
    }

    /**
     * The tenants holding a link with this token hash. The one lookup across tenants here: someone opening a link
     * is not signed in, so the link itself says which tenant to work in.
     */
    List<String> tenantsHolding(String tokenHash) {
        return documents.tenantsWith(ParticipantLink.class, "tokenHash", tokenHash);
    }

    Optional<ParticipantLink> byTokenHash(String tokenHash) {
        return documents.findOne(Query.query(Criteria.where("tokenHash").is(tokenHash)), ParticipantLink.class);
    }

    Optional<ParticipantLink> byId(String linkId) {
        return documents.findOne(Query.query(Criteria.where("_id").is(linkId)), ParticipantLink.class);
    }

    /**
     * Keeps the hash of a new identity-check code, unless one went out since {@code sentBefore} (a new code at most
     * once a minute): answers whether it was kept.
     */
    boolean newCode(String linkId, String codeHash, Instant now, Instant sentBefore) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(linkId).and("usedAt").isNull()
                .orOperator(Criteria.where("codeSentAt").isNull(), Criteria.where("codeSentAt").lte(sentBefore))),
                new Update().set("codeHash", codeHash).set("codeSentAt", now), ParticipantLink.class) > 0;
    }

    /** Counts a wrong answer to the identity check; answers the link with its new count (null once used). */
    @Nullable
    ParticipantLink failCheck(String linkId) {
        return documents.findAndModify(Query.query(Criteria.where("_id").is(linkId).and("usedAt").isNull()),
                new Update().inc("failedChecks", 1), FindAndModifyOptions.options().returnNew(true),
                ParticipantLink.class);
    }

    /** A participant's links not revoked yet. */
    List<ParticipantLink> unrevokedOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId).and("revokedAt")
                .isNull()), ParticipantLink.class);
    }

    /** Revokes a link; answers how many were (0 or 1). */
    long revoke(String linkId, Instant at) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(linkId)), new Update().set("revokedAt", at),
                ParticipantLink.class);
    }

    /** Uses a link up, if it is neither used nor revoked: of two openings at the same moment, one gets it. */
    @Nullable
    ParticipantLink useUp(String linkId, Instant at) {
        return documents.findAndModify(Query.query(Criteria.where("_id").is(linkId).and("usedAt").isNull()
                .and("revokedAt").isNull()), new Update().set("usedAt", at).inc("uses", 1),
                FindAndModifyOptions.options().returnNew(true), ParticipantLink.class);
    }
}
