package org.researchportal.exercise;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The exercise videos of the tenant in scope, current and replaced: the reads and writes the media services share. */
@Component
class VideoRecords {

    private final TenantDocuments documents;

    VideoRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    ExerciseVideo add(ExerciseVideo video) {
        return documents.insert(video);
    }

    Optional<ExerciseVideo> findVideo(String videoId) {
        return documents.findById(videoId, ExerciseVideo.class);
    }

    ExerciseVideo video(String videoId) {
        return documents.getById(videoId, ExerciseVideo.class);
    }

    /** A study's current videos, one or more per exercise (the newest is the one shown). */
    List<ExerciseVideo> currentVideos(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("replacedAt").isNull()),
                ExerciseVideo.class);
    }

    /**
     * Marks replaced, at this moment, the current videos of the same exercise added no later than this one. Only
     * earlier ones: two uploads at once must not retire each other.
     */
    void replaceEarlierThan(ExerciseVideo video, Instant at) {
        for (ExerciseVideo earlier : documents.find(Query.query(Criteria.where("studyId").is(video.getStudyId())
                .and("exerciseCode").is(video.getExerciseCode()).and("replacedAt").isNull()
                .and("addedAt").lte(video.getAddedAt()).and("_id").ne(video.requireId())), ExerciseVideo.class)) {
            documents.updateFirst(Query.query(Criteria.where("_id").is(earlier.requireId())),
                    new Update().set("replacedAt", at), ExerciseVideo.class);
        }
    }

    /** Sets a video's captions if it is still at the version read; answers whether it was. */
    boolean replaceCaptions(ExerciseVideo video, List<ExerciseVideo.Captions> captions) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(video.requireId()).and("version")
                .is(video.getVersion())), new Update().set("captions", captions).inc("version", 1),
                ExerciseVideo.class) > 0;
    }
}
