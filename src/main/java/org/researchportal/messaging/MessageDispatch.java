package org.researchportal.messaging;

import java.time.Duration;
import java.util.EnumSet;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * In each active tenant: every few hours plans the coming reminders, every few seconds sends what is due. Safe with
 * several portal instances on one database (see TenantSweeps). Off in tests, which plan and dispatch when they choose.
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
    private final Duration planningPeriod;

    @Autowired
    MessageDispatch(TenantSweeps tenants, OutboxDispatcher dispatcher, ReminderPlanner planner,
            MessagingProperties settings) {
        this(tenants, dispatcher, planner, settings.planning().every());
    }

    MessageDispatch(TenantSweeps tenants, OutboxDispatcher dispatcher, ReminderPlanner planner,
            Duration planningPeriod) {
        this.tenants = tenants;
        this.dispatcher = dispatcher;
        this.planner = planner;
        this.planningPeriod = planningPeriod;
    }

    /**
     * Plans the coming week's reminders soon after start and then every few hours, in one instance per period
     * (planning again would add nothing, but need not be done).
     */
    @Scheduled(initialDelayString = "${portal.messaging.planning.first:PT30S}",
            fixedDelayString = "${portal.messaging.planning.every:PT6H}")
    void plan() {
        tenants.oncePerPeriodInEachActiveTenant("reminder-planning", planningPeriod,
                EnumSet.of(PortalRole.COORDINATOR, PortalRole.CLINICIAN), planner::planAll).forEach((tenant,
                        planned) -> {
                    if (planned > 0) {
                        LOG.info("{} reminder(s) planned in tenant {}", planned, tenant);
                    }
                });
    }

    /** Sends what is due, one instance at a time in each tenant; each message's own lease keeps it to one send. */
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
