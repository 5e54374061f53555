package org.researchportal.tenancy;

import java.time.Instant;

/**
 * A platform administrator changed a tenant ({@code action}: edited, suspended, reactivated). The audit trail records
 * it, with the tenant as it was and as it is, in the tenant's own trail.
 */
public record TenantChanged(String tenantId, String action, Tenant before, Tenant after, String by, Instant at) {}
