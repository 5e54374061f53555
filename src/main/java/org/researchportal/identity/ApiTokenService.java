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
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.springframework.beans.factory.ObjectProvider;
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
    /** A REDCap token as REDCap's clients check it (REDCapR: 32 hexadecimal digits; PyCap: 32 characters). */
    static final java.util.regex.Pattern REDCAP_TOKEN = java.util.regex.Pattern.compile("[0-9A-F]{32}");
    /** The roles the REST API serves. */
    public static final Set<PortalRole> API_ROLES = Set.of(PortalRole.CLINICIAN, PortalRole.ASSESSOR);

    private final AccountRecords accounts;
    private final ApiTokenRecords tokens;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final boolean importEnabled;
    private final ObjectProvider<TokenStudies> studies;

    ApiTokenService(AccountRecords accounts, ApiTokenRecords tokens, AuditTrail audit, Clock clock,
            IdentityProperties settings, ObjectProvider<TokenStudies> studies) {
        this.studies = studies;
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
        store(me.accountId(), me.username(), me.roles(), name, role, token, null);
        return token;
    }

    /**
     * Makes a REDCap token for one study of the person's tenant and answers its secret, shown this once: 32 upper-case
     * hexadecimal characters (128 random bits), as REDCap's are, since its clients check the length and the digits.
     */
    @PreAuthorize("isAuthenticated()")
    public String createRedcap(String name, PortalRole role, String studyId) {
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        String token = HexFormat.of().withUpperCase().formatHex(secret);
        PortalUser me = CurrentUser.require();
        store(me.accountId(), me.username(), me.roles(), name, role, token, requireStudy(studyId));
        return token;
    }

    /** The studies a REDCap token may be for (the person's tenant's), by id with their acronym. */
    @PreAuthorize("isAuthenticated()")
    public Map<String, String> tokenStudies() {
        TokenStudies available = studies.getIfAvailable();
        return available == null ? Map.of() : available.studies();
    }

    private String requireStudy(String studyId) {
        if (studyId == null || !tokenStudies().containsKey(studyId)) {
            throw ValidationException.of("study", "api-token.study.invalid");
        }
        return studyId;
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
            store(owner.requireId(), owner.getUsername(), owner.getRoles(), name, role, token, null);
        }
    }

    /** The same for a REDCap token of one study (the embedded demo's printed one). */
    @Secured(Authorities.TENANT_ADMIN)
    public void importRedcapToken(String accountId, String name, PortalRole role, String studyId, String token) {
        if (!importEnabled) {
            throw new IllegalStateException("Token import is off (portal.api.token-import)");
        }
        if (!REDCAP_TOKEN.matcher(token).matches()) {
            throw ValidationException.of("token", "api-token.secret.invalid");
        }
        Account owner = accounts.account(accountId);
        if (!tokens.existsWithSecret(hash(token))) {
            store(owner.requireId(), owner.getUsername(), owner.getRoles(), name, role, token, requireStudy(studyId));
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
            String token, @Nullable String studyId) {
        if (Inputs.isBlankOrLonger(name, ApiToken.NAME_MAX_LENGTH)) {
            throw ValidationException.of("name", "api-token.name.invalid");
        }
        if (!API_ROLES.contains(role) || !ownerRoles.contains(role)) {
            throw ValidationException.of("role", "api-token.role.invalid");
        }
        ApiToken stored = tokens.add(new ApiToken(accountId, username, name.trim(), role, hash(token),
                clock.instant(), studyId));
        Map<String, String> created = new java.util.LinkedHashMap<>(Map.of("name", name.trim(), "role",
                role.name()));
        if (studyId != null) {
            created.put("studyId", studyId);
        }
        audit.record("api-token.created", "ApiToken", stored.requireId(), null, created, null);
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
