package org.researchportal.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A personal API token: one person, one tenant, one role. Only a SHA-256 hash of the secret is stored (the secret has
 * 256 random bits, so a fast hash is enough); the secret is shown once, when the token is made.
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

    ApiToken(String accountId, String username, String name, PortalRole role, String secretHash, Instant createdAt) {
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

    ApiTokenRow toRow() {
        return new ApiTokenRow(requireId(), name, role, createdAt, lastUsedAt, revokedAt);
    }
}
