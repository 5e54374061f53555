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

/** Every few seconds, in each active tenant, sends what is due. Off in tests, which dispatch when they choose. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "portal.messaging.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class MessageDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatch.class);
    private static final int PER_TENANT_AND_ROUND = 500;

    private final TenantSweeps tenants;
    private final OutboxDispatcher dispatcher;

    MessageDispatch(TenantSweeps tenants, OutboxDispatcher dispatcher) {
        this.tenants = tenants;
        this.dispatcher = dispatcher;
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
