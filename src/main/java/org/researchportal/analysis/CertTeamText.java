package org.researchportal.analysis;

import java.time.Instant;

/**
 * What the team wrote for one CERT item, with who wrote it last and when.
 *
 * @param version the version read, to hand back when changing it (a change made meanwhile is refused)
 */
public record CertTeamText(String text, long version, String updatedBy, Instant updatedAt) {}
