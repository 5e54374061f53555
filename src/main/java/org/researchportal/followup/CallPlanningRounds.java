package org.researchportal.followup;

import java.time.Duration;
import java.util.EnumSet;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * In each active tenant, soon after start and then every few hours: plans the calls that are missing (participants
 * brought in from elsewhere, a plan changed) and ends those of participants who left. With several portal instances,
 * one of them plans each tenant per period; the unique index keeps one call per participant and number even so. Off
 * in tests, which plan when they choose.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "portal.followup.planning.enabled", havingValue = "true", matchIfMissing = true)
class CallPlanningRounds {

    private static final Logger LOG = LoggerFactory.getLogger(CallPlanningRounds.class);

    private final TenantSweeps tenants;
    private final CallPlanning planning;
    private final Duration period;

    CallPlanningRounds(TenantSweeps tenants, CallPlanning planning,
            FollowupProperties settings) {
        this.tenants = tenants;
        this.planning = planning;
        this.period = settings.planning().every();
    }

    @Scheduled(initialDelayString = "${portal.followup.planning.first:PT20S}",
            fixedDelayString = "${portal.followup.planning.every:PT6H}")
    void plan() {
        tenants.oncePerPeriodInEachActiveTenant("call-planning", period, EnumSet.of(PortalRole.COORDINATOR),
                planning::planCalls)
                .forEach((tenant, planned) -> {
                    if (planned > 0) {
                        LOG.info("{} follow-up call(s) planned in tenant {}", planned, tenant);
                    }
                });
    }
}
