package org.researchportal.study;

import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The reads and writes of the studies' documents, in the tenant in scope; a title's versions form a series. */
@Component
class TrialDocumentRecords {

    private final TenantDocuments documents;

    TrialDocumentRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    Optional<TrialDocument> document(String documentId) {
        return documents.findById(documentId, TrialDocument.class);
    }

    TrialDocument add(TrialDocument document) {
        return documents.insert(document);
    }

    /** The latest version of a series of a study, if it has one. */
    Optional<TrialDocument> latestOf(String studyId, String series) {
        return documents.findOne(Query.query(Criteria.where("studyId").is(studyId).and("series").is(series))
                .with(Sort.by(Sort.Direction.DESC, "revision")), TrialDocument.class);
    }

    /** A study's documents by series, the newest version of each first. */
    List<TrialDocument> documentsOf(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId))
                .with(Sort.by("series").and(Sort.by(Sort.Direction.DESC, "revision"))), TrialDocument.class);
    }
}
