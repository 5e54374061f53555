package org.researchportal.assessments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The assessors' guesses of the arm (one per participant and timepoint), in the tenant in scope. */
@Component
class ArmGuessRecords {

    private final TenantDocuments documents;

    ArmGuessRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    ArmGuess add(ArmGuess guess) {
        return documents.insert(guess);
    }

    Optional<ArmGuess> guess(String participantId, String timepoint) {
        return documents.findOne(Query.query(Criteria.where("participantId").is(participantId).and("timepoint")
                .is(timepoint)), ArmGuess.class);
    }

    ArmGuess guess(String guessId) {
        return documents.getById(guessId, ArmGuess.class);
    }

    List<ArmGuess> ofStudy(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId)), ArmGuess.class);
    }

    /** Changes a guess, unless it was changed meanwhile (its {@code version} moved): answers whether it did. */
    boolean amend(String guessId, String was, String guess, String recordedBy, Instant recordedAt) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(guessId).and("guess").is(was)),
                new Update().set("guess", guess).set("recordedBy", recordedBy).set("recordedAt", recordedAt)
                        .inc("version", 1), ArmGuess.class) == 1;
    }
}
