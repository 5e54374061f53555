package org.researchportal.identity;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalPrincipal;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.tenancy.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The signed-in person is fixed at sign-in; this keeps it honest during a long session. A deactivated account, changed
 * roles or a suspended tenant end the session at the person's next request of any kind (a page, Vaadin's UIDL and
 * streamed resources, videos, captions, pictures: {@link #requests()}), and every secured service call is refused
 * for them (see SecurityConfiguration), so an administrator's decision takes effect at once: not at the next page,
 * not at the next sign-in. Each check is one lookup of the account by id (three fields) and, for tenant staff, one of
 * the tenant; it reads the database rather than a memory of this instance, so it holds with several portal nodes.
 */
@Component
class SessionCheck implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(SessionCheck.class);

    private final SignInAccounts accounts;
    private final AuthenticationContext authenticationContext;
    private final TenantDirectory tenants;

    SessionCheck(SignInAccounts accounts, AuthenticationContext authenticationContext, TenantDirectory tenants) {
        this.accounts = accounts;
        this.authenticationContext = authenticationContext;
        this.tenants = tenants;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // Also at navigation inside a request that began before the change (the request filter saw it valid).
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && !stillValid(authentication)) {
                log.info("Ending the session of {}: account deactivated, roles changed or tenant suspended",
                        CurrentUser.get().map(PortalUser::username).orElse("?"));
                authenticationContext.logout();
            }
        }));
    }

    /**
     * Whether a person signed in may still act: the account behind their sign-in is still active, in the same tenant
     * (not suspended since), with the roles it held at sign-in. Anyone else (the portal's own system actors, API
     * tokens, which are checked against their account at every request anyway) passes.
     */
    boolean stillValid(Authentication authentication) {
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

    /**
     * The check on every request of the portal's own filter chain, right after the session's sign-in is read: a
     * session that is no longer valid is invalidated before anything runs, and the request goes on as an anonymous
     * one, which the chain and Vaadin then refuse (sign-in for a page, session expired for a UIDL request, no
     * resource for a streamed one, sign-in required for media).
     */
    OncePerRequestFilter requests() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (session != null && authentication != null && !stillValid(authentication)) {
                    log.info("Ending the session of {}: account deactivated, roles changed or tenant suspended",
                            authentication.getName());
                    SecurityContextHolder.clearContext();
                    session.invalidate();
                }
                chain.doFilter(request, response);
            }
        };
    }
}
