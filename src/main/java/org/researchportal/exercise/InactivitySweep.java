package org.researchportal.exercise;

import java.util.EnumSet;
import java.util.Set;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.tenancy.Tenant;
import org.researchportal.tenancy.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once a day, in each active tenant, raises the "no session for a week" alerts. A log event cannot notice a session
 * that never happens, so this sweep does. The hour is configured; the default is early morning.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InactivitySweep {

    private static final Logger LOG = LoggerFactory.getLogger(InactivitySweep.class);

    private final TenantService tenants;
    private final ExerciseService exercise;

    InactivitySweep(TenantService tenants, ExerciseService exercise) {
        this.tenants = tenants;
        this.exercise = exercise;
    }

    @Scheduled(cron = "${portal.exercise.inactivity-sweep:0 15 6 * * *}")
    void sweep() {
        for (Tenant tenant : SystemActor.callAs("inactivity-sweep", null, Set.of(PortalRole.PLATFORM_ADMIN),
                tenants::tenants)) {
            if (!tenant.active()) {
                continue;
            }
            try {
                int raised = SystemActor.callAs("inactivity-sweep", tenant.id(), EnumSet.of(PortalRole.THERAPIST),
                        exercise::raiseInactivityAlerts);
                LOG.info("Inactivity sweep of tenant {}: {} alert(s) raised", tenant.id(), raised);
            } catch (RuntimeException e) {
                // One tenant's failure must not keep the others' therapists from their alerts.
                LOG.error("Inactivity sweep of tenant {} failed", tenant.id(), e);
            }
        }
    }
}
