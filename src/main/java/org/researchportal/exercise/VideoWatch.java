package org.researchportal.exercise;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How far one participant has watched one video: when they first started, how many times they pressed play, the
 * furthest second reached and when they first watched to the end. One document per participant and video, updated
 * atomically as the player reports, so engagement is read without replaying events.
 */
@Document("video_watches")
@CompoundIndex(name = "tenant_participant_video", def = "{'tenantId': 1, 'participantId': 1, 'videoId': 1}",
        unique = true)
class VideoWatch extends TenantOwnedDocument {

    private String participantId;
    private String studyId;
    private String videoId;
    private String exerciseCode;
    private int plays;
    private double furthestSeconds;
    private double durationSeconds;
    private Instant firstStartedAt;
    private Instant lastWatchedAt;
    private @Nullable Instant completedAt;

    VideoWatch() {
        // Created by an atomic upsert, never constructed by the portal.
    }

    VideoEngagement toEngagement() {
        return new VideoEngagement(videoId, exerciseCode, plays, furthestSeconds, durationSeconds, firstStartedAt,
                lastWatchedAt, completedAt);
    }

    String getParticipantId() {
        return participantId;
    }
}
