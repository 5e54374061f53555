package org.researchportal.tenancy;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tenant was exported or imported whole ({@code action}); the audit trail records it in the tenant's own trail, with
 * what the archive held, the SHA-256 of the archive file and, for an import, who signed and exported it where.
 */
public record TenantArchived(String tenantId, String action, String by, Instant at, Map<String, Integer> counts,
        String archiveSha256, @Nullable Map<String, String> origin) {}
