package org.researchportal.study;

import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The reads and writes of the studies of the tenant in scope. */
@Component
class StudyRecords {

    private final TenantDocuments documents;

    StudyRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    /** The tenant's studies, by acronym (a tenant runs a handful). */
    List<Study> studiesByAcronym() {
        return documents.find(new Query().with(Sort.by("acronym")), Study.class);
    }

    Optional<Study> findStudy(String studyId) {
        return documents.findById(studyId, Study.class);
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
