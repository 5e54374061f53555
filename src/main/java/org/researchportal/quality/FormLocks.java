package org.researchportal.quality;

import java.util.List;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The locks on forms and participants, in the tenant in scope. */
@Component
class FormLocks {

    private final TenantDocuments documents;

    FormLocks(TenantDocuments documents) {
        this.documents = documents;
    }

    /** The locks that hold a form: its own and its participant's. */
    List<FormLock> holding(String participantId, String formKey) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId).and("formKey")
                .in(formKey, FormLock.WHOLE_PARTICIPANT)), FormLock.class);
    }

    List<FormLock> ofParticipant(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId)), FormLock.class);
    }

    List<FormLock> ofStudy(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId)), FormLock.class);
    }

    java.util.Optional<FormLock> byId(String lockId) {
        return documents.findById(lockId, FormLock.class);
    }

    FormLock add(FormLock lock) {
        return documents.insert(lock);
    }

    void remove(FormLock lock) {
        documents.remove(Query.query(Criteria.where("_id").is(lock.requireId())), FormLock.class);
    }
}
