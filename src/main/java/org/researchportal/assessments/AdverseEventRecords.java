package org.researchportal.assessments;

import java.util.Collection;
import java.util.List;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The adverse events reported, in the tenant in scope. */
@Component
class AdverseEventRecords {

    /** Latest onset first. */
    private static final Sort NEWEST_ONSET_FIRST = Sort.by(Sort.Direction.DESC, "report.onset");

    private final TenantDocuments documents;

    AdverseEventRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    AdverseEvent event(String adverseEventId) {
        return documents.getById(adverseEventId, AdverseEvent.class);
    }

    AdverseEvent add(AdverseEvent event) {
        return documents.insert(event);
    }

    /**
     * Follows up an event as read (same version) with its report, whether it is serious and whether it is still open;
     * answers false when it was changed meanwhile.
     */
    boolean followUp(AdverseEvent read, AdverseEventReport report, boolean serious, boolean open) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(read.requireId()).and("version")
                .is(read.getVersion())), new Update().set("report", report).set("serious", serious).set("open", open)
                        .inc("version", 1), AdverseEvent.class) > 0;
    }

    /** A participant's events, latest onset first. */
    List<AdverseEvent> ofParticipant(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(NEWEST_ONSET_FIRST), AdverseEvent.class);
    }

    /** The events of some participants of a study, by participant, then onset, then when reported. */
    List<AdverseEvent> ofParticipants(String studyId, Collection<String> participantIds) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("participantId")
                .in(participantIds)).with(Sort.by("participantId", "report.onset", "reportedAt")), AdverseEvent.class);
    }

    /** Every event of a study, by participant, then onset. */
    List<AdverseEvent> ofStudy(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId)).with(Sort.by("participantId",
                "report.onset", "reportedAt")), AdverseEvent.class);
    }

    /** A study's serious events not resolved yet, latest onset first. */
    List<AdverseEvent> openSerious(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("serious").is(true).and("open")
                .is(true)).with(NEWEST_ONSET_FIRST), AdverseEvent.class);
    }
}
