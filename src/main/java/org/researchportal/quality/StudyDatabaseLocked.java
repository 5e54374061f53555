package org.researchportal.quality;

import java.time.Instant;

/** A study's database was locked: by whom (username) and when. Published in the locker's thread, after the lock. */
public record StudyDatabaseLocked(String tenantId, String studyId, Instant at, String by) {}
