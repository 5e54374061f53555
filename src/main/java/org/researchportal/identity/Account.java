package org.researchportal.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.storage.PersonalText;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.convert.ValueConverter;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's portal account in one tenant, with the roles they hold there. Usernames are unique across the platform
 * because sign-in happens before the tenant is known. The password hash exists only for local sign-in; with OpenID
 * Connect the account mirrors the token and keeps the portal's own settings (language, active).
 */
@Document("accounts")
@CompoundIndex(name = "tenant_roles_active_username", def = "{'tenantId': 1, 'roles': 1, 'active': 1, 'username': 1}")
@CompoundIndex(name = "tenant_username", def = "{'tenantId': 1, 'username': 1}")
public class Account extends TenantOwnedDocument {

    public static final int USERNAME_MAX_LENGTH = 64;
    public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._@-]{2,63}";
    public static final int DISPLAY_NAME_MAX_LENGTH = 100;
    public static final int PASSWORD_MIN_LENGTH = 10;
    /** BCrypt reads at most 72 bytes of UTF-8 (a Chinese character takes 3); longer passwords are refused, not cut. */
    public static final int PASSWORD_MAX_BYTES = 72;
    /**
     * Failed sign-ins to one account from one place before that place has to wait, a minute at first and twice as long
     * after each further failure, up to {@link #MAX_WAIT_MINUTES} (see {@link SignInThrottle}).
     */
    public static final int MAX_FAILED_SIGN_INS = 5;
    public static final int MAX_WAIT_MINUTES = 15;

    @Indexed(unique = true)
    private String username;
    /** The identity provider's subject for this person (OpenID Connect only), so a re-created login is not them. */
    private @Nullable String subject;
    // Personal data, sealed at rest (the username is not: sign-in finds the account by it).
    @ValueConverter(PersonalText.class)
    private String displayName;
    @ValueConverter(PersonalText.class)
    private @Nullable String email;
    private String language;
    private Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
    private @Nullable String passwordHash;
    /** A one-time set-password link's token, hashed (the token itself is only ever in the link), and its expiry. */
    @Indexed(sparse = true)
    private @Nullable String passwordLinkHash;
    private @Nullable Instant passwordLinkExpiresAt;
    private boolean active = true;
    private int failedSignIns;
    private @Nullable Instant lockedUntil;
    private @Nullable Instant lastSignInAt;
    private Instant createdAt;

    Account(String username, String displayName, @Nullable String email, String language, Set<PortalRole> roles,
            @Nullable String passwordHash, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.language = language;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(PortalRole.class) : EnumSet.copyOf(roles);
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public @Nullable String getEmail() {
        return email;
    }

    /** A language tag: {@code en} or {@code zh-CN}. */
    public String getLanguage() {
        return language;
    }

    public Set<PortalRole> getRoles() {
        return roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    }

    public boolean isActive() {
        return active;
    }

    public @Nullable Instant getLockedUntil() {
        return lockedUntil;
    }

    public @Nullable Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Nullable
    String getPasswordHash() {
        return passwordHash;
    }

    @Nullable
    String getPasswordLinkHash() {
        return passwordLinkHash;
    }

    @Nullable
    Instant getPasswordLinkExpiresAt() {
        return passwordLinkExpiresAt;
    }

    void setPasswordLink(String tokenHash, Instant expiresAt) {
        this.passwordLinkHash = tokenHash;
        this.passwordLinkExpiresAt = expiresAt;
    }

    int getFailedSignIns() {
        return failedSignIns;
    }

    void setRoles(Set<PortalRole> roles) {
        this.roles = roles.isEmpty() ? EnumSet.noneOf(PortalRole.class) : EnumSet.copyOf(roles);
    }

    void setActive(boolean active) {
        this.active = active;
    }

    void setLanguage(String language) {
        this.language = language;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void setEmail(@Nullable String email) {
        this.email = email;
    }

    /** What the audit trail keeps of an account: never the password hash. */
    Map<String, Object> auditView() {
        var view = new LinkedHashMap<String, Object>();
        view.put("username", username);
        view.put("displayName", displayName);
        view.put("email", email == null ? "" : email);
        view.put("language", language);
        view.put("roles", roles.stream().map(Enum::name).sorted().toList());
        view.put("active", active);
        return view;
    }
}
