package org.researchportal.quality;

import java.util.List;
import java.util.Optional;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The studies' edit checks, in the tenant in scope. */
@Component
class EditCheckRecords {

    private final TenantDocuments documents;

    EditCheckRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    List<EditCheck> ofStudy(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId)).with(Sort.by("code")),
                EditCheck.class);
    }

    /** The enabled checks of one form of a study. */
    List<EditCheck> enabledFor(String studyId, FormKind kind, String form) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("kind").is(kind).and("form")
                .is(form).and("enabled").is(true)).with(Sort.by("code")), EditCheck.class);
    }

    Optional<EditCheck> find(String id) {
        return documents.findById(id, EditCheck.class);
    }

    boolean codeTaken(String studyId, String code) {
        return documents.exists(Query.query(Criteria.where("studyId").is(studyId).and("code").is(code)),
                EditCheck.class);
    }

    EditCheck add(EditCheck check) {
        return documents.insert(check);
    }

    EditCheck save(EditCheck check) {
        return documents.save(check);
    }
}
