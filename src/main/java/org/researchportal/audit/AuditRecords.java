package org.researchportal.audit;

import java.util.List;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The reads and appends of the audit trail; entries are never changed or removed. */
@Component
class AuditRecords {

    /** Newest first; entries of the same millisecond (one action recording several) in the order they were made. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC,
            "_id"));

    private final TenantDocuments documents;

    AuditRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    /** Appends an entry to the trail of the tenant in scope. */
    void append(AuditEvent entry) {
        documents.insert(entry);
    }

    /** Appends an entry to a named tenant's trail (a platform administrator's act on that tenant). */
    void appendTo(String tenantId, AuditEvent entry) {
        documents.insertInto(tenantId, entry);
    }

    /** The entries about one participant, newest first: their own record's and those that name them. */
    List<AuditEvent> aboutParticipant(String participantId, String participantEntity) {
        return documents.find(Query.query(new Criteria().orOperator(Criteria.where("participantId").is(participantId),
                Criteria.where("entityType").is(participantEntity).and("entityId").is(participantId)))
                .with(NEWEST_FIRST), AuditEvent.class);
    }

    /** The entries about one record, newest first. */
    List<AuditEvent> aboutRecord(String entityType, String entityId) {
        return documents.find(Query.query(Criteria.where("entityType").is(entityType).and("entityId").is(entityId))
                .with(NEWEST_FIRST), AuditEvent.class);
    }
}
