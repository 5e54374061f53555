package org.researchportal.assessments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Participants' unsent questionnaire answers, in the tenant in scope. */
@Component
class QuestionnaireDraftRecords {

    private final TenantDocuments documents;

    QuestionnaireDraftRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    Optional<QuestionnaireDraft> draft(String participantId, String timepoint, String instrument) {
        return documents.findOne(one(participantId, timepoint, instrument), QuestionnaireDraft.class);
    }

    /** One participant's drafts, every timepoint's. */
    List<QuestionnaireDraft> ofParticipant(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId)),
                QuestionnaireDraft.class);
    }

    /**
     * Keeps one answer (a blank one clears it), making the draft when it is the first. Each answer is its own
     * single-document update, so two taps in quick succession (two tabs) both land.
     */
    void keep(QuestionnaireDraft fresh, String participantId, String item, String answer, Instant at) {
        String timepoint = fresh.getTimepoint();
        String instrument = fresh.getInstrument();
        if (draft(participantId, timepoint, instrument).isEmpty()) {
            try {
                documents.insert(fresh);
            } catch (DuplicateKeyException madeMeanwhile) {
                // Another tab made it a moment ago: the answer goes into that one.
            }
        }
        Update update = answer.isEmpty() ? new Update().unset("answers." + item)
                : new Update().set("answers." + item, answer);
        documents.updateFirst(one(participantId, timepoint, instrument), update.set("updatedAt", at).inc("version",
                1), QuestionnaireDraft.class);
    }

    void delete(String participantId, String timepoint, String instrument) {
        documents.remove(one(participantId, timepoint, instrument), QuestionnaireDraft.class);
    }

    private static Query one(String participantId, String timepoint, String instrument) {
        return Query.query(Criteria.where("participantId").is(participantId).and("timepoint").is(timepoint)
                .and("instrument").is(instrument));
    }
}
