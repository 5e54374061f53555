package org.researchportal.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.ArchiveRules;
import org.springframework.stereotype.Component;

/**
 * API tokens in a tenant archive: a token's hash is a credential like a password's, so it stays behind; the token
 * arrives revoked (its list still shows what there was), and its owner makes a new one. Only roles with an API.
 */
@Component
class ApiTokenArchiveRules implements ArchiveRules {

    private static final String SECRET = "secretHash";

    @Override
    public String collection() {
        return "api_tokens";
    }

    @Override
    public Document exported(Document stored) {
        var exported = new Document(stored);
        exported.remove(SECRET);
        return exported;
    }

    @Override
    public Optional<String> refusal(String tenantId, List<Document> documents) {
        for (Document token : documents) {
            boolean apiRole = token.get("role") instanceof String role && ApiTokenService.API_ROLES.stream()
                    .map(PortalRole::name).anyMatch(role::equals);
            if (!apiRole) {
                return Optional.of("tenant.archive.roles");
            }
        }
        return Optional.empty();
    }

    @Override
    public Document imported(Document archived, String importedBy, Instant at) {
        var imported = new Document(archived);
        // Unique per token and no hash of any secret (hashes are hex), so nothing signs in with it.
        imported.put(SECRET, "not-carried:" + java.util.UUID.randomUUID());
        if (imported.get("revokedAt") == null) {
            imported.put("revokedAt", java.util.Date.from(at));
        }
        return imported;
    }
}
