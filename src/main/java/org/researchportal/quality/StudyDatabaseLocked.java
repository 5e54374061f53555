package org.researchportal.quality;

import java.time.Instant;

/**
 * A monitor locked a study's database: from now on none of its data changes. Published in the monitor's thread after
 * the lock and its audit entry; the archive of the locked data is written on it.
 *
 * @param by the username of the monitor who locked it
 */
public record StudyDatabaseLocked(String tenantId, String studyId, Instant at, String by) {}
