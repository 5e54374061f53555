package org.researchportal.assessments;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The timepoints recorded as missed or not done (one per participant and timepoint), in the tenant in scope. */
@Component
class MissedVisitRecords {

    private final TenantDocuments documents;

    MissedVisitRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    MissedVisit missedVisit(String missedVisitId) {
        return documents.getById(missedVisitId, MissedVisit.class);
    }

    MissedVisit add(MissedVisit missed) {
        return documents.insert(missed);
    }

    Optional<MissedVisit> missedVisit(String participantId, String timepoint) {
        return documents.findOne(Query.query(Criteria.where("participantId").is(participantId).and("timepoint")
                .is(timepoint)), MissedVisit.class);
    }

    /** Every missed visit of a study. */
    List<MissedVisit> ofStudy(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId)), MissedVisit.class);
    }

    /** The missed visits of some participants of a study. */
    List<MissedVisit> ofParticipants(String studyId, Collection<String> participantIds) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("participantId")
                .in(participantIds)), MissedVisit.class);
    }

    /** Changes the decision recorded for a timepoint: missed or not done, and why. */
    void amend(String missedVisitId, MissedVisitRecord.Kind kind, String reason, String recordedBy,
            Instant recordedAt) {
        documents.updateFirst(Query.query(Criteria.where("_id").is(missedVisitId)), new Update().set("kind", kind)
                .set("reason", reason).set("recordedBy", recordedBy).set("recordedAt", recordedAt)
                .inc("version", 1), MissedVisit.class);
    }
}
