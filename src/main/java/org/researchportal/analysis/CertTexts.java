package org.researchportal.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The team's CERT texts in the tenant in scope. */
@Component
class CertTexts {

    private final TenantDocuments documents;

    CertTexts(TenantDocuments documents) {
        this.documents = documents;
    }

    List<CertText> ofStudy(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId)), CertText.class);
    }

    Optional<CertText> find(String studyId, String item) {
        return documents.findOne(Query.query(Criteria.where("studyId").is(studyId).and("item").is(item)),
                CertText.class);
    }

    /** Stores a first text; one stored meanwhile is refused by the store (DuplicateKeyException). */
    CertText insert(CertText text) {
        return documents.insert(text);
    }

    /** Changes a text if it is still at the version read; answers whether it was. */
    boolean rewrite(CertText stored, long version, String text, String by, Instant at) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(stored.requireId()).and("version")
                .is(version)), new Update().set("text", text).set("updatedBy", by).set("updatedAt", at)
                        .inc("version", 1), CertText.class) > 0;
    }
}
