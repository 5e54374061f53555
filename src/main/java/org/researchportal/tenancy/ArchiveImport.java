package org.researchportal.tenancy;

import java.util.Map;

/** A tenant imported from an archive: its code, what it held, and the SHA-256 of the archive file (as audited). */
public record ArchiveImport(String tenantId, Map<String, Integer> counts, String archiveSha256) {}
