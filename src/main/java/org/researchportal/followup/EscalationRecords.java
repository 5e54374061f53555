package org.researchportal.followup;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The reads and writes of the calls' escalations, in the tenant in scope; open means not yet handled. */
@Component
class EscalationRecords {

    private final TenantDocuments documents;

    EscalationRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    Escalation escalation(String escalationId) {
        return documents.getById(escalationId, Escalation.class);
    }

    Escalation raise(Escalation escalation) {
        return documents.insert(escalation);
    }

    /** The open escalations of a study, oldest first. */
    List<Escalation> openOfStudy(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("handledAt").isNull())
                .with(Sort.by("raisedAt")), Escalation.class);
    }

    /** A participant's open escalations, oldest first. */
    List<Escalation> openOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId).and("handledAt")
                .isNull()).with(Sort.by("raisedAt")), Escalation.class);
    }

    long openCount() {
        return documents.count(Query.query(Criteria.where("handledAt").isNull()), Escalation.class);
    }

    /** How many open escalations each of these participants has (those without any are absent), in one read. */
    Map<String, Long> openCountsOf(Collection<String> participantIds) {
        return documents.find(Query.query(Criteria.where("handledAt").isNull().and("participantId")
                .in(participantIds)), Escalation.class).stream().collect(Collectors
                        .groupingBy(Escalation::getParticipantId, Collectors.counting()));
    }

    /** Marks an open escalation handled; answers whether it was still open. */
    boolean markHandled(String escalationId, Instant at, String by, String note) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(escalationId).and("handledAt").isNull()),
                new Update().set("handledAt", at).set("handledBy", by).set("handledNote", note).inc("version", 1),
                Escalation.class) > 0;
    }
}
