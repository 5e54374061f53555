package org.researchportal.tenancy;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An institution that runs studies on the portal. Platform data, not tenant-owned: only platform administrators list
 * and create tenants. The id is a short code (e.g. {@code fudan}) that OpenID Connect tokens carry in their tenant
 * claim.
 */
@Document("tenants")
public record Tenant(@Id String id, String name, String timeZone, boolean active, Instant createdAt,
        String createdBy) {

    public static final int CODE_MAX_LENGTH = 32;
    public static final int NAME_MAX_LENGTH = 120;
    /** Lower-case letters, digits and hyphens, starting with a letter: safe in tokens, logs and URLs. */
    public static final String CODE_PATTERN = "[a-z][a-z0-9-]{1,31}";
}
