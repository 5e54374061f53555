package org.researchportal.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalPrincipal;
import org.researchportal.base.security.PortalUser;
import org.researchportal.tenancy.TenantDirectory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who a presented API token (bearer or REDCap) acts for, if it still may: not revoked, its owner active, in the token's
 * tenant, still holding the token's role, the tenant active. The caller then holds only the token's role. Both token
 * filters ask here, so a token of either kind ends the same way.
 */
final class TokenOwners {

    /** A token that still acts, and the person it acts as. */
    record Owner(ApiToken token, PortalUser user) {}

    private final SignInAccounts accounts;
    private final TenantDirectory tenants;
    private final Clock clock;

    TokenOwners(SignInAccounts accounts, TenantDirectory tenants, Clock clock) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The owner of the token with this secret, noting its use; empty for any token that no longer acts. */
    Optional<Owner> owner(String secret) {
        return accounts.findToken(ApiTokenService.hash(secret)).filter(t -> t.getRevokedAt() == null)
                .flatMap(t -> accounts.findById(t.getAccountId())
                        .filter(Account::isActive)
                        .filter(a -> a.getTenantId() != null && a.getTenantId().equals(t.getTenantId()))
                        .filter(a -> a.getRoles().contains(t.getRole()))
                        .flatMap(a -> tenants.activeTenant(a.getTenantId()).map(tenant -> {
                            accounts.tokenUsed(t.requireId(), clock.instant());
                            return new Owner(t, PortalUsers.of(a, tenant, Set.of(t.getRole())));
                        })));
    }

    /** Runs the rest of the request as the token's owner (with these details), and forgets them after. */
    static void continueAs(PortalUser user, @Nullable Object details, ServletRequest request,
            ServletResponse response, FilterChain chain) throws IOException, ServletException {
        var authorities = user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated((PortalPrincipal) () -> user, null,
                authorities);
        authentication.setDetails(details);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
