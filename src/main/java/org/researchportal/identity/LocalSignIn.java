package org.researchportal.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Local sign-in (the embedded default): accounts in MongoDB with BCrypt hashes. Each attempt is counted before the
 * password is checked ({@link SignInThrottle}), so a guesser is slowed down per account and place, even with guesses
 * sent in parallel, while the account's owner elsewhere signs in as usual. An account of an inactive tenant cannot
 * sign in.
 */
@Component
@ConditionalOnProperty(name = "portal.auth.mode", havingValue = "local", matchIfMissing = true)
class LocalSignIn implements UserDetailsService {

    private final SignInAccounts accounts;
    private final SignInThrottle throttle;
    private final TenantDirectory tenants;
    private final Clock clock;

    LocalSignIn(SignInAccounts accounts, SignInThrottle throttle, TenantDirectory tenants, Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String normalised = username.trim().toLowerCase(Locale.ROOT);
        Optional<Account> found = accounts.findByUsername(normalised);
        if (found.isEmpty()) {
            // Counted against the place too: trying one password on many made-up usernames is guessing as well.
            throttle.reserveUnknown(clientAddress(), clock.instant());
            throw new UsernameNotFoundException("No such account");
        }
        Account account = found.get();
        boolean mayTry = throttle.reserve(normalised, clientAddress(), clock.instant());
        Optional<Tenant> tenant = Optional.ofNullable(account.getTenantId()).flatMap(tenants::activeTenant);
        boolean usable = account.isActive() && (account.getTenantId() == null || tenant.isPresent());
        PortalUser user = PortalUsers.of(account, tenant.orElse(null), account.getRoles());
        return new LocalAccountPrincipal(user, account.getPasswordHash(), usable, !mayTry);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof LocalAccountPrincipal principal) {
            throttle.succeeded(principal.getUsername(), clientAddress(), clock.instant());
            // A password typed again to sign something is not a sign-in: the account's last sign-in stays as it was.
            if (event.getAuthentication().getDetails() != Reauthentications.SIGNING) {
                accounts.recordSuccess(principal.getUsername(), clock.instant());
            }
        }
    }

    /** The place the sign-in comes from (ProxiedRequests has resolved it), or none for an in-process sign-in. */
    private static @Nullable String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }
}
