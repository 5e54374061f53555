package org.researchportal.study;

import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The reads and writes of the studies of the tenant in scope. */
@Component
class StudyRecords {

    private final TenantDocuments documents;

    StudyRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    /** The summaries of the tenant's studies, by acronym (a tenant runs a handful). */
    List<StudySummary> summariesByAcronym() {
        return documents.find(summaryOnly(new Query().with(Sort.by("acronym"))), Study.class).stream()
                .map(StudySummary::of).toList();
    }

    Optional<StudySummary> findSummary(String studyId) {
        return documents.findOne(summaryOnly(Query.query(Criteria.where("_id").is(studyId))), Study.class)
                .map(StudySummary::of);
    }

    /**
     * Leaves the study's design in the database: every view asks for its study's summary, several times a click, and
     * mapping the eligibility model, randomisation plan and schedule was most of each read's cost. The partial study
     * read this way never leaves this class (saved, it would lose its design).
     */
    private static Query summaryOnly(Query query) {
        query.fields().exclude("eligibility", "randomisation", "schedule");
        return query;
    }

    /** The study with this id in the tenant, or {@link org.researchportal.base.NotFoundException}. */
    Study study(String studyId) {
        return documents.getById(studyId, Study.class);
    }

    Study add(Study study) {
        return documents.insert(study);
    }

    /** Stores a changed study; a concurrent change answers an optimistic locking failure. */
    Study save(Study study) {
        return documents.save(study);
    }
}
