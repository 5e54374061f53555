package org.researchportal.quality;

import java.time.Instant;

/** A study's archive at one lock, as the monitor and the administrator see it before downloading it. */
public record LockArchiveRow(String id, String studyId, Instant lockedAt, String lockedBy, String fileName, long size,
        String sha256) {}
