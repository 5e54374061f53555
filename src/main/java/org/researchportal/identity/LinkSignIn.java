package org.researchportal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.tenancy.TenantDirectory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a participant in on this device from a link they were sent, without a password: only an active participant
 * account of an active tenant, and only with the participant role, whatever else the account holds. The caller
 * (the signed-link entry) has already checked the link's token. The session id changes, as at any sign-in.
 */
@Component
public class LinkSignIn {

    private final SignInAccounts accounts;
    private final TenantDirectory tenants;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    LinkSignIn(SignInAccounts accounts, TenantDirectory tenants) {
        this.accounts = accounts;
        this.tenants = tenants;
    }

    /** Answers whether the participant is now signed in on this request's session. */
    public boolean signIn(String tenantId, String accountId, HttpServletRequest request,
            HttpServletResponse response) {
        var account = accounts.findById(accountId).filter(Account::isActive)
                .filter(a -> tenantId.equals(a.getTenantId()) && a.getRoles().contains(PortalRole.PARTICIPANT));
        var tenant = tenants.activeTenant(tenantId);
        if (account.isEmpty() || tenant.isEmpty()) {
            return false;
        }
        PortalUser user = PortalUsers.of(account.get(), tenant.get(), Set.of(PortalRole.PARTICIPANT));
        var principal = new LocalAccountPrincipal(user, null, true, false);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        request.getSession(true);
        request.changeSessionId();
        sessions.saveContext(context, request, response);
        return true;
    }
}
