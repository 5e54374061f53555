package org.researchportal.exercise;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The pictures of the exercises, in the tenant in scope: current ones and those taken off, which stay on record. */
@Component
class PictureRecords {

    private final TenantDocuments documents;

    PictureRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    ExercisePicture add(ExercisePicture picture) {
        return documents.insert(picture);
    }

    Optional<ExercisePicture> findPicture(String pictureId) {
        return documents.findById(pictureId, ExercisePicture.class);
    }

    /** How many current pictures an exercise of a study has. */
    long currentCount(String studyId, String exerciseCode) {
        return documents.count(Query.query(Criteria.where("studyId").is(studyId).and("exerciseCode").is(exerciseCode)
                .and("removedAt").isNull()), ExercisePicture.class);
    }

    /** A study's current pictures, in the order they were added. */
    List<ExercisePicture> currentPictures(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("removedAt").isNull())
                .with(Sort.by("addedAt")), ExercisePicture.class);
    }

    /** Takes a current picture off its exercise; answers whether it was current. */
    boolean remove(String pictureId, Instant at) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(pictureId).and("removedAt").isNull()),
                new Update().set("removedAt", at), ExercisePicture.class) > 0;
    }
}
