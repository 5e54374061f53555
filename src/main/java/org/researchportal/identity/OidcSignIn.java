package org.researchportal.identity;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.tenancy.Tenant;
import org.researchportal.tenancy.TenantDirectory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Production sign-in through OpenID Connect (Keycloak). The tenant claim fixes the tenant and the roles claim the
 * portal roles; the account is mirrored so the tenant administrator sees who uses the portal and can deactivate
 * them here. A person whose tenant is unknown or inactive, or whose portal account is deactivated, is refused.
 * Registered as the OAuth2 login's user service by {@link SecurityConfiguration}.
 */
class OidcSignIn extends OidcUserService {

    private final SignInAccounts accounts;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final String tenantClaim;
    private final String rolesClaim;

    OidcSignIn(SignInAccounts accounts, TenantDirectory tenants, Clock clock, String tenantClaim,
            String rolesClaim) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.clock = clock;
        this.tenantClaim = tenantClaim;
        this.rolesClaim = rolesClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return toPortalUser(super.loadUser(request));
    }

    /** Maps a verified OpenID Connect user to the portal's person, or refuses them. */
    PortalOidcUser toPortalUser(OidcUser oidcUser) {
        Set<PortalRole> roles = roles(oidcUser.getClaimAsStringList(rolesClaim));
        if (PortalRole.conflicting(roles)
                || (roles.contains(PortalRole.PLATFORM_ADMIN) && roles.size() > 1)) {
            throw refused("role_conflict", "The token holds roles one person may not hold together");
        }
        String tenantId = roles.contains(PortalRole.PLATFORM_ADMIN) ? null
                : oidcUser.getClaimAsString(tenantClaim);
        Optional<Tenant> tenant = Optional.empty();
        if (tenantId != null) {
            tenant = tenants.activeTenant(tenantId);
            if (tenant.isEmpty()) {
                throw refused("unknown_tenant", "The tenant in the token is not an active tenant of this portal");
            }
        } else if (!roles.contains(PortalRole.PLATFORM_ADMIN)) {
            throw refused("no_tenant", "The token names no tenant");
        }
        String username = Optional.ofNullable(oidcUser.getPreferredUsername()).orElse(oidcUser.getSubject())
                .toLowerCase(Locale.ROOT);
        String displayName = Optional.ofNullable(oidcUser.getFullName()).orElse(username);
        String language = PortalLocales.toTag(PortalLocales.fromTag(
                Optional.ofNullable(oidcUser.getLocale()).orElse("en")));
        Account account = accounts.mirrorTokenAccount(username, oidcUser.getSubject(), tenantId, displayName,
                oidcUser.getEmail(), roles, language, clock.instant()).orElseThrow(() ->
        // Same username here but another person at the identity provider (deleted and re-created).
        accounts.usernameTakenIn(username, tenantId)
                ? refused("subject_mismatch", "The account belongs to another identity")
                : refused("tenant_mismatch", "The username belongs to another tenant"));
        if (!account.isActive()) {
            throw refused("account_disabled", "The portal account is deactivated");
        }
        ZoneId zone = tenant.map(t -> ZoneId.of(t.timeZone())).orElse(ZoneOffset.UTC);
        PortalUser user = new PortalUser(account.requireId(), username, displayName, tenantId,
                tenant.map(t -> t.name(PortalLocales.fromTag(account.getLanguage()))).orElse(null), roles,
                PortalLocales.fromTag(account.getLanguage()), zone);
        Collection<GrantedAuthority> authorities = new ArrayList<>(oidcUser.getAuthorities());
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        OidcUserInfo userInfo = oidcUser.getUserInfo() != null ? oidcUser.getUserInfo()
                : new OidcUserInfo(oidcUser.getClaims());
        return new PortalOidcUser(user, authorities, oidcUser.getIdToken(), userInfo);
    }

    private static Set<PortalRole> roles(@Nullable List<String> claim) {
        Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
        if (claim != null) {
            claim.forEach(c -> PortalRole.fromClaim(c).ifPresent(roles::add));
        }
        return roles;
    }

    private static OAuth2AuthenticationException refused(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
