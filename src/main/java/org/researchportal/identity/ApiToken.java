package org.researchportal.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A personal API token: one person, one tenant, one role, and for a REDCap token one study. Only a SHA-256 hash of the
 * secret is stored (the secret has 256 random bits, a REDCap token's 128 as REDCap's do, so a fast hash is enough);
 * the secret is shown once, when the token is made.
 */
@Document("api_tokens")
@CompoundIndex(name = "tenant_account_created", def = "{'tenantId': 1, 'accountId': 1, 'createdAt': -1}")
class ApiToken extends TenantOwnedDocument {

    public static final int NAME_MAX_LENGTH = 60;

    private String accountId;
    private String username;
    private String name;
    private PortalRole role;
    @Indexed(unique = true)
    private String secretHash;
    private Instant createdAt;
    private @Nullable Instant lastUsedAt;
    private @Nullable Instant revokedAt;
    /** The study a REDCap token answers for; none for a bearer token of the REST API. */
    private @Nullable String studyId;

    ApiToken(String accountId, String username, String name, PortalRole role, String secretHash, Instant createdAt,
            @Nullable String studyId) {
        this.studyId = studyId;
        this.accountId = accountId;
        this.username = username;
        this.name = name;
        this.role = role;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
    }

    String getAccountId() {
        return accountId;
    }

    String getUsername() {
        return username;
    }

    PortalRole getRole() {
        return role;
    }

    @Nullable
    Instant getRevokedAt() {
        return revokedAt;
    }

    @Nullable
    String getStudyId() {
        return studyId;
    }

    ApiTokenRow toRow() {
        return new ApiTokenRow(requireId(), name, role, createdAt, lastUsedAt, revokedAt, studyId);
    }
}
