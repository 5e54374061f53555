package org.researchportal.quality;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The stages of the tenant's studies, in the tenant in scope. */
@Component
class StudyLives {

    private final TenantDocuments documents;

    StudyLives(TenantDocuments documents) {
        this.documents = documents;
    }

    Optional<StudyLife> of(String studyId) {
        return documents.findOne(Query.query(Criteria.where("studyId").is(studyId)), StudyLife.class);
    }

    StudyStage stage(String studyId) {
        return of(studyId).map(StudyLife::getStage).orElse(StudyStage.RECRUITING);
    }

    /** Moves the study to a stage (creating its record the first time). */
    void move(String studyId, StudyStage stage, Instant at, String by, @Nullable String reason) {
        Optional<StudyLife> life = of(studyId);
        if (life.isEmpty()) {
            documents.insert(new StudyLife(studyId, stage, at, by, reason));
            return;
        }
        documents.updateFirst(Query.query(Criteria.where("_id").is(life.get().requireId())),
                new Update().set("stage", stage).set("changedAt", at).set("changedBy", by).set("reason", reason)
                        .inc("version", 1),
                StudyLife.class);
    }
}
