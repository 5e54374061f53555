package org.researchportal.identity;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalUser;
import org.researchportal.tenancy.Tenant;
import org.researchportal.tenancy.TenantDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Local sign-in (the embedded default): accounts in MongoDB with BCrypt hashes. Repeated failures lock the account
 * for a while; an account of an inactive tenant cannot sign in.
 */
@Component
@ConditionalOnProperty(name = "portal.auth.mode", havingValue = "local", matchIfMissing = true)
class LocalSignIn implements UserDetailsService {

    private final SignInAccounts accounts;
    private final TenantDirectory tenants;
    private final Clock clock;

    LocalSignIn(SignInAccounts accounts, TenantDirectory tenants, Clock clock) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByUsername(username.trim().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        @Nullable String tenantId = account.getTenantId();
        @Nullable String tenantName = null;
        boolean usable = account.isActive();
        if (tenantId != null) {
            var tenant = tenants.activeTenant(tenantId);
            usable &= tenant.isPresent();
            tenantName = tenant.map(Tenant::name).orElse(null);
        }
        PortalUser user = new PortalUser(account.requireId(), account.getUsername(), account.getDisplayName(),
                tenantId, tenantName, account.getRoles(), PortalLocales.fromTag(account.getLanguage()));
        return new LocalAccountPrincipal(user, account.getPasswordHash(), usable, account.isLocked(clock.instant()));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        accounts.recordFailure(event.getAuthentication().getName().trim().toLowerCase(java.util.Locale.ROOT),
                clock.instant());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof LocalAccountPrincipal principal) {
            accounts.recordSuccess(principal.getUsername(), clock.instant());
        }
    }
}
