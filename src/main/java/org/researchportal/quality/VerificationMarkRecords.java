package org.researchportal.quality;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The verification marks of the tenant in scope. */
@Component
class VerificationMarkRecords {

    private final TenantDocuments documents;

    VerificationMarkRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    Optional<VerificationMark> of(ClinicalForm form) {
        return documents.findOne(Query.query(Criteria.where("participantId").is(form.participantId()).and("formKey")
                .is(form.key())), VerificationMark.class);
    }

    List<VerificationMark> ofParticipant(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId)),
                VerificationMark.class);
    }

    List<VerificationMark> ofStudy(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId)), VerificationMark.class);
    }

    /** Marks a form verified now, over any earlier (cleared) mark. */
    void verify(VerificationMark mark) {
        documents.remove(Query.query(Criteria.where("participantId").is(mark.getParticipantId()).and("formKey")
                .is(mark.getFormKey())), VerificationMark.class);
        documents.insert(mark);
    }

    /** Clears a verified mark, keeping who verified it; false when it was not (or no longer) verified. */
    boolean clear(VerificationMark mark, String by, String byName, Instant at, Collection<String> items,
            @org.jspecify.annotations.Nullable String reason) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(mark.requireId()).and("state")
                .is(VerificationState.VERIFIED)), new Update().set("state", VerificationState.CLEARED)
                        .set("clearedBy", by).set("clearedByName", byName).set("clearedAt", at)
                        .set("clearedItems", List.copyOf(items)).set("clearedReason", reason).inc("version", 1),
                VerificationMark.class) > 0;
    }
}
