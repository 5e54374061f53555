package org.researchportal.assessments;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The drafts of possible adverse events heard of on follow-up calls, in the tenant in scope. */
@Component
class AdverseEventDraftRecords {

    private final TenantDocuments documents;

    AdverseEventDraftRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    AdverseEventDraft draft(String draftId) {
        return documents.getById(draftId, AdverseEventDraft.class);
    }

    AdverseEventDraft add(AdverseEventDraft draft) {
        return documents.insert(draft);
    }

    /** A study's drafts still waiting for a clinician, oldest first. */
    List<AdverseEventDraft> openOfStudy(String studyId) {
        return open(Criteria.where("studyId").is(studyId));
    }

    /** A participant's drafts still waiting for a clinician, oldest first. */
    List<AdverseEventDraft> openOfParticipant(String participantId) {
        return open(Criteria.where("participantId").is(participantId));
    }

    private List<AdverseEventDraft> open(Criteria whose) {
        return documents.find(Query.query(whose.and("state").is(AdverseEventDraft.State.OPEN))
                .with(Sort.by("raisedAt")), AdverseEventDraft.class);
    }

    /**
     * Closes a draft still open (recorded or dismissed), by whom and with a note; answers false when it was closed
     * meanwhile. Two clinicians closing the same draft: one of them closes it.
     */
    boolean close(String draftId, AdverseEventDraft.State state, String closedBy, @Nullable String note) {
        Update update = new Update().set("state", state).set("closedBy", closedBy).inc("version", 1);
        if (note != null) {
            update.set("closedNote", note);
        }
        return documents.updateFirst(Query.query(Criteria.where("_id").is(draftId).and("state")
                .is(AdverseEventDraft.State.OPEN)), update, AdverseEventDraft.class) > 0;
    }

    /** Points a recorded draft at the adverse event it became. */
    void linkEvent(String draftId, String adverseEventId) {
        documents.updateFirst(Query.query(Criteria.where("_id").is(draftId)),
                new Update().set("adverseEventId", adverseEventId).inc("version", 1), AdverseEventDraft.class);
    }
}
