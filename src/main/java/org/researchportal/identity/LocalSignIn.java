package org.researchportal.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.researchportal.base.security.PortalUser;
import org.researchportal.tenancy.Tenant;
import org.researchportal.tenancy.TenantDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Local sign-in (the embedded default): accounts in MongoDB with BCrypt hashes. Each attempt is reserved before the
 * password is checked ({@link SignInAccounts#reserveAttempt}), so repeated failures lock the account for a while even
 * when they arrive in parallel. An account of an inactive tenant cannot sign in.
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
        String normalised = username.trim().toLowerCase(Locale.ROOT);
        Account account = accounts.findByUsername(normalised)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        boolean mayTry = accounts.reserveAttempt(normalised, clock.instant());
        Optional<Tenant> tenant = Optional.ofNullable(account.getTenantId()).flatMap(tenants::activeTenant);
        boolean usable = account.isActive() && (account.getTenantId() == null || tenant.isPresent());
        PortalUser user = PortalUsers.of(account, tenant.orElse(null), account.getRoles());
        return new LocalAccountPrincipal(user, account.getPasswordHash(), usable, !mayTry);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof LocalAccountPrincipal principal) {
            accounts.recordSuccess(principal.getUsername(), clock.instant());
        }
    }
}
