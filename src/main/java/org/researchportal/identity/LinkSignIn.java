package org.researchportal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.base.security.SignInWay;
import org.researchportal.tenancy.TenantDirectory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a participant in on this device from a link they were sent, without a password: only an active participant
 * account of an active tenant that is not locked out after wrong passwords, and only with the participant role,
 * whatever else the account holds. The caller (the signed-link entry) has already checked and used up the link's
 * token. The session id changes, as at any sign-in.
 */
@Component
public class LinkSignIn {

    /** Why an account may not be signed in by a link. */
    public enum Refusal {
        /** No participant account of this tenant (deleted, moved, or never a participant's). */
        NO_ACCOUNT,
        DEACTIVATED,
        /** Locked for a while after wrong passwords: a link must not be a way around the lock. */
        LOCKED,
        /** The tenant is suspended. */
        TENANT_SUSPENDED
    }

    private final SignInAccounts accounts;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    LinkSignIn(SignInAccounts accounts, TenantDirectory tenants, Clock clock) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Why the account may not sign in by a link now; empty when it may. */
    public Optional<Refusal> refusal(String tenantId, String accountId) {
        var account = accounts.findById(accountId)
                .filter(a -> tenantId.equals(a.getTenantId()) && a.getRoles().contains(PortalRole.PARTICIPANT));
        if (account.isEmpty()) {
            return Optional.of(Refusal.NO_ACCOUNT);
        }
        if (!account.get().isActive()) {
            return Optional.of(Refusal.DEACTIVATED);
        }
        if (account.get().isLocked(clock.instant())) {
            return Optional.of(Refusal.LOCKED);
        }
        return tenants.activeTenant(tenantId).isEmpty() ? Optional.of(Refusal.TENANT_SUSPENDED) : Optional.empty();
    }

    /** Answers whether the participant is now signed in on this request's session, by the link alone. */
    public boolean signIn(String tenantId, String accountId, HttpServletRequest request,
            HttpServletResponse response) {
        return signIn(tenantId, accountId, SignInWay.LINK, request, response);
    }

    /**
     * The same, saying how the link's holder proved who they are (a questionnaire link and a code or fact), which
     * goes with what they answer.
     */
    public boolean signIn(String tenantId, String accountId, SignInWay way, HttpServletRequest request,
            HttpServletResponse response) {
        if (refusal(tenantId, accountId).isPresent()) {
            return false;
        }
        var account = accounts.findById(accountId).orElseThrow();
        var tenant = tenants.activeTenant(tenantId).orElseThrow();
        PortalUser user = PortalUsers.of(account, tenant, Set.of(PortalRole.PARTICIPANT));
        var principal = new LocalAccountPrincipal(user, null, true, false, account.getRoles(), way);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        request.getSession(true);
        request.changeSessionId();
        sessions.saveContext(context, request, response);
        return true;
    }

    /** Whether this request's session is already signed in as the account (a link opened again on the same phone). */
    public boolean signedInAs(String accountId, HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null
                && session.getAttribute(
                        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof LocalAccountPrincipal principal
                && principal.portalUser().accountId().equals(accountId);
    }
}
