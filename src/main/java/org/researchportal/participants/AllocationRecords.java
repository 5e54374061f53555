package org.researchportal.participants;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The sealed allocation sequence of each stratum: its places and the batches of them written in full. Nothing reads
 * a place ahead of use; a place is claimed atomically.
 */
@Component
class AllocationRecords {

    private final TenantDocuments documents;

    AllocationRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    /** Whether the stratum's sequence is made (at least one batch written in full). */
    boolean hasSequence(String studyId, String stratum) {
        return documents.exists(ofStratum(studyId, stratum), AllocationBatch.class);
    }

    /** The place a participant already holds (a retry after an interruption gets the same one). */
    Optional<AllocationSlot> heldBy(String studyId, String participantId) {
        return documents.findOne(Query.query(Criteria.where("studyId").is(studyId).and("participantId")
                .is(participantId)), AllocationSlot.class);
    }

    /**
     * Claims the stratum's next free place of a batch written in full for the participant, atomically; null when no
     * such place is left.
     */
    @Nullable
    AllocationSlot claimNext(String studyId, String stratum, String participantId, Instant now) {
        return documents.findAndModify(ofStratum(studyId, stratum).addCriteria(Criteria.where("participantId")
                .isNull().and("batch").in(completeBatches(studyId, stratum))).with(Sort.by("position")),
                new Update().set("participantId", participantId).set("claimedAt", now),
                FindAndModifyOptions.options().returnNew(true), AllocationSlot.class);
    }

    /** Writes a batch's places, then marks it written in full (only then are its places claimed). */
    void addBatch(List<AllocationSlot> places, AllocationBatch batch) {
        places.forEach(documents::insert);
        documents.insert(batch);
    }

    private List<Integer> completeBatches(String studyId, String stratum) {
        return documents.find(ofStratum(studyId, stratum), AllocationBatch.class).stream()
                .map(AllocationBatch::getBatch).toList();
    }

    private static Query ofStratum(String studyId, String stratum) {
        return Query.query(Criteria.where("studyId").is(studyId).and("stratum").is(stratum));
    }
}
