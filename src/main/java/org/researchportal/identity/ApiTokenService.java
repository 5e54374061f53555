package org.researchportal.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens for data managers: made by a signed-in person for one of their own roles in their tenant,
 * listed and revoked by them. Only roles with an API (exports) may have tokens.
 */
@Service
public class ApiTokenService {

    static final String PREFIX = "rp_";
    /** The roles the REST API serves. */
    public static final Set<PortalRole> API_ROLES = Set.of(PortalRole.CLINICIAN, PortalRole.ASSESSOR);

    private final AccountRecords accounts;
    private final ApiTokenRecords tokens;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final boolean importEnabled;

    ApiTokenService(AccountRecords accounts, ApiTokenRecords tokens, AuditTrail audit, Clock clock,
            IdentityProperties settings) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.importEnabled = settings.api().tokenImport();
    }

    /** Makes a token and answers its secret, which is shown this once and never stored. */
    @PreAuthorize("isAuthenticated()")
    public String create(String name, PortalRole role) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        PortalUser me = CurrentUser.require();
        store(me.accountId(), me.username(), me.roles(), name, role, token);
        return token;
    }

    /**
     * A tenant administrator brings in a token made elsewhere for one of the tenant's people, for a role they hold:
     * the embedded demo's printed tokens. Off unless {@code portal.api.token-import} is on (only the embedded
     * default turns it on), since it lets an administrator choose another person's secret.
     */
    @Secured(Authorities.TENANT_ADMIN)
    public void importToken(String accountId, String name, PortalRole role, String token) {
        if (!importEnabled) {
            throw new IllegalStateException("Token import is off (portal.api.token-import)");
        }
        if (!token.matches(PREFIX + "[A-Za-z0-9_-]{43,}")) {
            throw ValidationException.of("token", "api-token.secret.invalid");
        }
        Account owner = accounts.account(accountId);
        if (!tokens.existsWithSecret(hash(token))) {
            store(owner.requireId(), owner.getUsername(), owner.getRoles(), name, role, token);
        }
    }

    @PreAuthorize("isAuthenticated()")
    public List<ApiTokenRow> myTokens() {
        return tokens.tokensOf(CurrentUser.require().accountId()).stream().map(ApiToken::toRow).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public void revoke(String tokenId) {
        if (tokens.revoke(tokenId, CurrentUser.require().accountId(), clock.instant())) {
            audit.record("api-token.revoked", "ApiToken", tokenId, null, null, null);
        }
    }

    private void store(String accountId, String username, Set<PortalRole> ownerRoles, String name, PortalRole role,
            String token) {
        if (Inputs.isBlankOrLonger(name, ApiToken.NAME_MAX_LENGTH)) {
            throw ValidationException.of("name", "api-token.name.invalid");
        }
        if (!API_ROLES.contains(role) || !ownerRoles.contains(role)) {
            throw ValidationException.of("role", "api-token.role.invalid");
        }
        ApiToken stored = tokens.add(new ApiToken(accountId, username, name.trim(), role, hash(token),
                clock.instant()));
        audit.record("api-token.created", "ApiToken", stored.requireId(), null,
                Map.of("name", name.trim(), "role", role.name()), null);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
