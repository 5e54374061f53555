package org.researchportal.followup;

import java.util.List;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The reads and writes of the missed questionnaires coordinators have handled, in the tenant in scope. */
@Component
class MissedQuestionnaireRecords {

    private final TenantDocuments documents;

    MissedQuestionnaireRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    /** Those handled of a study, or of every study. */
    List<MissedQuestionnaireHandled> handled(@org.jspecify.annotations.Nullable String studyId) {
        Query query = studyId == null ? new Query() : Query.query(Criteria.where("studyId").is(studyId));
        return documents.find(query, MissedQuestionnaireHandled.class);
    }

    /** Records it handled; answers false when someone already had. */
    boolean markHandled(MissedQuestionnaireHandled handled) {
        try {
            documents.insert(handled);
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }
}
