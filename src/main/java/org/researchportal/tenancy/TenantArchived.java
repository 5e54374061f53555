package org.researchportal.tenancy;

import java.time.Instant;
import java.util.Map;

/** A tenant was exported or imported whole ({@code action}); the audit trail records it in the tenant's own trail. */
public record TenantArchived(String tenantId, String action, String by, Instant at, Map<String, Integer> counts) {
}
