package org.researchportal.exercise;

import java.time.Instant;

/** An exercise's picture as views show it: where the portal serves it and what it shows, in words. */
public record PictureRef(String id, String exerciseCode, String contentType, long size, Text description,
        String addedBy, Instant addedAt) {

    /** Relative to the portal's root, checked per request like the videos. */
    public String path() {
        return MediaStreaming.PICTURE_PATH.substring(1).replace("{pictureId}", id);
    }
}
