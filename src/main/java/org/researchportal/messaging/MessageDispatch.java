package org.researchportal.messaging;

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
 * In each active tenant: every few hours plans the coming reminders, every few seconds sends what is due. Off in
 * tests, which plan and dispatch when they choose.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "portal.messaging.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class MessageDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatch.class);
    private static final int PER_TENANT_AND_ROUND = 500;

    private final TenantSweeps tenants;
    private final OutboxDispatcher dispatcher;
    private final ReminderPlanner planner;

    MessageDispatch(TenantSweeps tenants, OutboxDispatcher dispatcher, ReminderPlanner planner) {
        this.tenants = tenants;
        this.dispatcher = dispatcher;
        this.planner = planner;
    }

    /** Plans the coming week's reminders soon after start and then every few hours; planning again adds nothing. */
    @Scheduled(initialDelayString = "${portal.messaging.planning.first:PT30S}",
            fixedDelayString = "${portal.messaging.planning.every:PT6H}")
    void plan() {
        tenants.inEachActiveTenant("reminder-planning", EnumSet.of(PortalRole.COORDINATOR, PortalRole.CLINICIAN),
                planner::planAll).forEach((tenant, planned) -> {
                    if (planned > 0) {
                        LOG.info("{} reminder(s) planned in tenant {}", planned, tenant);
                    }
                });
    }

    @Scheduled(fixedDelayString = "${portal.messaging.dispatch.every:PT10S}")
    void dispatch() {
        tenants.inEachActiveTenant("message-dispatch", EnumSet.of(PortalRole.COORDINATOR),
                () -> dispatcher.dispatchDue(PER_TENANT_AND_ROUND)).forEach((tenant, handled) -> {
                    if (handled > 0) {
                        LOG.info("Dispatched {} message(s) of tenant {}", handled, tenant);
                    }
                });
    }
}
