package org.researchportal.identity;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalPrincipal;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.tenancy.TenantChanged;
import org.researchportal.tenancy.TenantDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Whether a signed-in person's account still stands as it did at sign-in, asked at every request and at every secured
 * service call. Read from the database at the first question of each request (one lookup of three fields of the
 * account, one of the tenant), so a change made on another portal node counts from the next request; the answer is
 * kept for the rest of the request until an account or tenant changes on this node, which asks again at once. So a
 * view that calls twenty services costs two lookups, and a call after a deactivation on this node still fails.
 */
@Component
class AccountStandings {

    private static final String CHECKED = AccountStandings.class.getName() + ".checked";

    private final SignInAccounts accounts;
    private final TenantDirectory tenants;
    /** Counts changes of accounts' standing and of tenants on this node: an answer kept from before is asked again. */
    private final AtomicLong changes = new AtomicLong();

    private record Checked(Authentication authentication, long changes, boolean valid) {}

    AccountStandings(SignInAccounts accounts, TenantDirectory tenants) {
        this.accounts = accounts;
        this.tenants = tenants;
    }

    /** An account was deactivated, reactivated or given other roles on this node. */
    void changed() {
        changes.incrementAndGet();
    }

    @EventListener
    void on(TenantChanged suspendedOrEdited) {
        changes.incrementAndGet();
    }

    /**
     * Whether a person signed in may still act: the account behind their sign-in is still active, in the same tenant
     * (not suspended since), with the roles it held at sign-in. Anyone else (the portal's own system actors, API
     * tokens, which are checked against their account at every request anyway) passes.
     */
    boolean stillValid(Authentication authentication) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        long seen = changes.get();
        if (request != null && request.getAttribute(CHECKED, RequestAttributes.SCOPE_REQUEST) instanceof Checked checked
                && checked.authentication() == authentication && checked.changes() == seen) {
            return checked.valid();
        }
        boolean valid = readStillValid(authentication);
        if (request != null) {
            request.setAttribute(CHECKED, new Checked(authentication, seen, valid), RequestAttributes.SCOPE_REQUEST);
        }
        return valid;
    }

    private boolean readStillValid(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof PortalPrincipal principal)) {
            return true;
        }
        Set<PortalRole> heldAtSignIn = heldAtSignIn(principal);
        if (heldAtSignIn == null) {
            return true;
        }
        PortalUser user = principal.portalUser();
        if (user.tenantId() != null && tenants.activeTenant(user.tenantId()).isEmpty()) {
            return false;
        }
        return accounts.standing(user.accountId())
                .filter(SignInAccounts.Standing::active)
                .filter(a -> Objects.equals(a.tenantId(), user.tenantId()))
                .filter(a -> heldAtSignIn.equals(a.roles()))
                .isPresent();
    }

    /** The roles the account held at a person's sign-in; none for a principal that is not a person's session. */
    private static @Nullable Set<PortalRole> heldAtSignIn(PortalPrincipal principal) {
        if (principal instanceof LocalAccountPrincipal local) {
            return local.accountRoles();
        }
        if (principal instanceof PortalOidcUser oidc) {
            return oidc.portalUser().roles();
        }
        return null;
    }
}
