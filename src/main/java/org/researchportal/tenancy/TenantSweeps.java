package org.researchportal.tenancy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way for work no person starts (daily sweeps, the message dispatcher, a provider's webhook) to run in a
 * tenant: once
 * per tenant, as a named system actor with only the roles the work needs, so tenant scoping and role checks apply as
 * they do for people. One tenant's failure is logged and the others go on.
 */
@Component
public class TenantSweeps {

    private static final Logger LOG = LoggerFactory.getLogger(TenantSweeps.class);

    private final TenantService tenants;
    private final TenantDirectory directory;

    TenantSweeps(TenantService tenants, TenantDirectory directory) {
        this.tenants = tenants;
        this.directory = directory;
    }

    /** Runs the work in one active tenant (a webhook that has found its tenant); nothing for an inactive one. */
    public <T> java.util.Optional<T> inTenant(String tenantId, String purpose, Set<PortalRole> roles,
            Supplier<T> work) {
        // One lookup, not the tenant list: this runs on every webhook, link and staff alert.
        return directory.activeTenant(tenantId).isPresent() ? java.util.Optional.ofNullable(SystemActor.callAs(purpose, tenantId, roles, work))
                : java.util.Optional.empty();
    }

    /**
     * Follows up a change in one tenant (an event another module published) without failing the change itself: a
     * failure is logged with what was being done, and the next planning round or check puts it right.
     */
    public void followUp(String tenantId, String purpose, Set<PortalRole> roles, String subject, Runnable work) {
        try {
            inTenant(tenantId, purpose, roles, () -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("{} failed for {} in tenant {}", purpose, subject, tenantId, e);
        }
    }

    /** Runs the work in each active tenant and answers each tenant's result (none for a tenant that failed). */
    public <T> Map<String, T> inEachActiveTenant(String purpose, Set<PortalRole> roles, Supplier<T> work) {
        Map<String, T> results = new LinkedHashMap<>();
        for (Tenant tenant : SystemActor.callAs(purpose, null, Set.of(PortalRole.PLATFORM_ADMIN), tenants::tenants)) {
            if (!tenant.active()) {
                continue;
            }
            try {
                results.put(tenant.id(), SystemActor.callAs(purpose, tenant.id(), roles, work));
            } catch (RuntimeException e) {
                LOG.error("{} failed in tenant {}", purpose, tenant.id(), e);
            }
        }
        return results;
    }
}
