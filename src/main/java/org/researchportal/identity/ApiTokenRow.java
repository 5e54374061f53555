package org.researchportal.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;

/** A token as its owner sees it in the list: never the secret. */
public record ApiTokenRow(String id, String name, PortalRole role, Instant createdAt, @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {}
