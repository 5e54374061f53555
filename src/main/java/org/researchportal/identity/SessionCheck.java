package org.researchportal.identity;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Objects;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalUser;
import org.researchportal.tenancy.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The signed-in person is fixed at sign-in; this keeps it honest during a long session. At every navigation the
 * account is read again (one lookup by id), and a deactivated account or changed roles end the session, so an
 * administrator's decision takes effect at once and not only at the person's next sign-in.
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
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> CurrentUser.get()
                .filter(user -> !stillValid(user)).ifPresent(user -> {
                    log.info("Ending the session of {}: account deactivated, roles changed or tenant suspended",
                            user.username());
                    authenticationContext.logout();
                })));
    }

    /**
     * Whether the account behind a session is still active, in the same tenant (not suspended since), with the same
     * roles.
     */
    boolean stillValid(PortalUser user) {
        if (user.tenantId() != null && tenants.activeTenant(user.tenantId()).isEmpty()) {
            return false;
        }
        return accounts.findById(user.accountId())
                .filter(Account::isActive)
                .filter(a -> Objects.equals(a.getTenantId(), user.tenantId()))
                .filter(a -> a.getRoles().equals(user.roles()))
                .isPresent();
    }
}
