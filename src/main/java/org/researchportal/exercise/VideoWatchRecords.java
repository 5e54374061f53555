package org.researchportal.exercise;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** What participants watched of the exercise videos: one document per participant and video, changed atomically. */
@Component
class VideoWatchRecords {

    private final TenantDocuments documents;

    VideoWatchRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    /**
     * Notes a report of the participant's player: a play when started, the furthest position and the longest duration
     * seen (never moving back), the time. Answers the watch as it is now.
     */
    @Nullable
    VideoWatch watched(String participantId, ExerciseVideo video, boolean started, double positionSeconds,
            double durationSeconds, Instant at) {
        var update = new Update().setOnInsert("studyId", video.getStudyId())
                .setOnInsert("exerciseCode", video.getExerciseCode()).setOnInsert("firstStartedAt", at)
                .max("furthestSeconds", positionSeconds).max("durationSeconds", durationSeconds)
                .set("lastWatchedAt", at).inc("plays", started ? 1 : 0);
        return documents.findAndModify(watchOf(participantId, video.requireId()), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), VideoWatch.class);
    }

    /** Notes, once, when the participant saw the video through. */
    void seenThrough(String participantId, String videoId, Instant at) {
        documents.updateFirst(watchOf(participantId, videoId).addCriteria(Criteria.where("completedAt").isNull()),
                new Update().set("completedAt", at), VideoWatch.class);
    }

    Optional<VideoWatch> watch(String participantId, String videoId) {
        return documents.findOne(watchOf(participantId, videoId), VideoWatch.class);
    }

    /** A participant's watches, most recently watched first. */
    List<VideoWatch> watchesOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "lastWatchedAt")), VideoWatch.class);
    }

    private static Query watchOf(String participantId, String videoId) {
        return Query.query(Criteria.where("participantId").is(participantId).and("videoId").is(videoId));
    }
}
