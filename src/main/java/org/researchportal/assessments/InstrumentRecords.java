package org.researchportal.assessments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The tenant's instrument versions (drafts and published), in the tenant in scope. */
@Component
class InstrumentRecords {

    private final TenantDocuments documents;

    InstrumentRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    /**
     * Every version of every instrument in the order they were made: instruments in the order the tenant got them
     * (the standard ones as their dictionary lists them), each one's versions oldest first.
     */
    List<InstrumentVersion> all() {
        return documents.find(new Query().with(Sort.by("_id")), InstrumentVersion.class);
    }

    /** Every version of one instrument, oldest first. */
    List<InstrumentVersion> versions(String code) {
        return documents.find(Query.query(Criteria.where("code").is(code)).with(Sort.by("number")),
                InstrumentVersion.class);
    }

    Optional<InstrumentVersion> version(String code, int number) {
        return documents.findOne(Query.query(Criteria.where("code").is(code).and("number").is(number)),
                InstrumentVersion.class);
    }

    /** The newest version of an instrument, draft or published. */
    Optional<InstrumentVersion> newest(String code) {
        return documents.findOne(Query.query(Criteria.where("code").is(code)).with(Sort.by(Sort.Direction.DESC,
                "number")).limit(1), InstrumentVersion.class);
    }

    InstrumentVersion add(InstrumentVersion version) {
        return documents.insert(version);
    }

    /** Replaces a draft's instrument as read; answers false when it was changed or published meanwhile. */
    boolean replaceDraft(InstrumentVersion draft, Instrument instrument, Instant at, String by) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(draft.requireId()).and("version")
                .is(draft.getVersion()).and("status").is(InstrumentVersion.Status.DRAFT)), new Update().set(
                        "instrument", instrument).set("changedAt", at).set("changedBy", by).inc("version", 1),
                InstrumentVersion.class) > 0;
    }

    /** Publishes a draft as read; answers false when it was changed meanwhile. */
    boolean publish(InstrumentVersion draft, Instant at, String by) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(draft.requireId()).and("version")
                .is(draft.getVersion()).and("status").is(InstrumentVersion.Status.DRAFT)), new Update().set(
                        "status", InstrumentVersion.Status.PUBLISHED).set("publishedAt", at).set("publishedBy", by)
                        .inc("version", 1), InstrumentVersion.class) > 0;
    }

    /** Removes a draft (a published version is never removed). */
    boolean discardDraft(String code) {
        return documents.remove(Query.query(Criteria.where("code").is(code).and("status").is(
                InstrumentVersion.Status.DRAFT)), InstrumentVersion.class) > 0;
    }
}
