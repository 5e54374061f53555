package org.researchportal.exercise;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An exercise's video as views show it: where it plays from and which caption languages it has. */
public record VideoRef(String id, String exerciseCode, ExerciseVideo.Source source, @Nullable String externalUrl,
        @Nullable String fileName, long size, List<String> captionLanguages, String addedBy, Instant addedAt) {

    /**
     * Where the portal streams an uploaded video (checked per request: tenant and viewer), relative to the portal's
     * root so it works under any context path.
     */
    public String streamPath() {
        return MediaStreaming.VIDEO_PATH.substring(1).replace("{videoId}", id);
    }

    /** The external host a linked video plays on (links are https with a host, the library checks). */
    public @Nullable String host() {
        return externalUrl == null ? null : java.net.URI.create(externalUrl).getHost();
    }

    public String captionsPath(String language) {
        return streamPath() + "/captions/" + language + ".vtt";
    }
}
