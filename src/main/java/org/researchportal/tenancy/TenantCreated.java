package org.researchportal.tenancy;

import java.time.Instant;

/** A platform administrator created a tenant. The audit trail records it in the new tenant's own trail. */
public record TenantCreated(String tenantId, String name, String createdBy, Instant at) {}
