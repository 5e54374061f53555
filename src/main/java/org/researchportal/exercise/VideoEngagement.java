package org.researchportal.exercise;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A participant's engagement with one video: plays, the furthest point reached, and whether they saw it through. */
public record VideoEngagement(String videoId, String exerciseCode, int plays, double furthestSeconds,
        double durationSeconds, Instant firstStartedAt, Instant lastWatchedAt, @Nullable Instant completedAt) {

    public boolean completed() {
        return completedAt != null;
    }

    /** The share of the video seen, 0 to 100; unknown length counts as nothing seen. */
    public int percentSeen() {
        return durationSeconds <= 0 ? 0 : (int) Math.min(100, Math.round(100 * furthestSeconds / durationSeconds));
    }
}
