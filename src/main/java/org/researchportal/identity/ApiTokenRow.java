package org.researchportal.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;

/** A token as its owner sees it in the list: never the secret. A REDCap token names its study. */
public record ApiTokenRow(String id, String name, PortalRole role, Instant createdAt, @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt, @Nullable String studyId) {

    public ApiTokenKind kind() {
        return studyId == null ? ApiTokenKind.BEARER : ApiTokenKind.REDCAP;
    }
}
