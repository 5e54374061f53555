package org.researchportal.tenancy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way for work no person starts (daily sweeps, the message dispatcher, a provider's webhook) to run in a
 * tenant: once per tenant, as a named system actor with only the roles the work needs, so tenant scoping and role
 * checks apply as they do for people. One tenant's failure is logged and the others go on. Scheduled rounds are shared
 * among the portal instances on one database through {@link SweepRounds}.
 */
@Component
public class TenantSweeps {

    private static final Logger LOG = LoggerFactory.getLogger(TenantSweeps.class);
    /** A round not given back by then (its instance stopped) is free again; message leases still guard each send. */
    private static final Duration LONGEST_ROUND = Duration.ofMinutes(10);

    private final TenantService tenants;
    private final TenantDirectory directory;
    private final SweepRounds rounds;

    TenantSweeps(TenantService tenants, TenantDirectory directory, SweepRounds rounds) {
        this.tenants = tenants;
        this.directory = directory;
        this.rounds = rounds;
    }

    /** Runs the work in one active tenant (a webhook that has found its tenant); nothing for an inactive one. */
    public <T> Optional<T> inTenant(String tenantId, String purpose, Set<PortalRole> roles, Supplier<T> work) {
        // One lookup, not the tenant list: this runs on every webhook, link and staff alert.
        return directory.activeTenant(tenantId).isPresent()
                ? Optional.ofNullable(SystemActor.callAs(purpose, tenantId, roles, work)) : Optional.empty();
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

    /**
     * Runs the work in each active tenant, in one portal instance at a time: an instance whose timer fires while
     * another runs the tenant's round skips it. Answers each tenant's result (none for a tenant skipped or failed).
     */
    public <T> Map<String, T> inEachActiveTenant(String purpose, Set<PortalRole> roles, Supplier<T> work) {
        return inEachActiveTenant(purpose, LONGEST_ROUND, true, roles, work);
    }

    /**
     * Runs the work in each active tenant at most once per period across all portal instances, whichever instance's
     * timer fires first: planning rounds, daily sweeps. Answers each tenant's result where this instance ran it.
     */
    public <T> Map<String, T> oncePerPeriodInEachActiveTenant(String purpose, Duration period, Set<PortalRole> roles,
            Supplier<T> work) {
        return inEachActiveTenant(purpose, period, false, roles, work);
    }

    private <T> Map<String, T> inEachActiveTenant(String purpose, Duration holdFor, boolean giveBack,
            Set<PortalRole> roles, Supplier<T> work) {
        Map<String, T> results = new LinkedHashMap<>();
        for (Tenant tenant : SystemActor.callAs(purpose, null, Set.of(PortalRole.PLATFORM_ADMIN), tenants::tenants)) {
            if (!tenant.active() || !rounds.take(purpose, tenant.id(), holdFor)) {
                continue;
            }
            try {
                results.put(tenant.id(), SystemActor.callAs(purpose, tenant.id(), roles, work));
            } catch (RuntimeException e) {
                LOG.error("{} failed in tenant {}", purpose, tenant.id(), e);
            } finally {
                if (giveBack) {
                    rounds.giveBack(purpose, tenant.id());
                }
            }
        }
        return results;
    }
}
