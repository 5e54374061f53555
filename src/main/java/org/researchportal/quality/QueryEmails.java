package org.researchportal.quality;

import java.util.EnumSet;
import java.util.Locale;
import org.researchportal.base.security.PortalRole;
import org.researchportal.messaging.StaffAlerts;
import org.researchportal.tenancy.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the people of a query's role by email, through the outbox, in each one's language. Raised by a monitor or by
 * the system, so it acts with the authority the staff emails need (a clinician's: who holds which role); the query
 * stands whatever happens here, and a failure is logged.
 */
@Component
class QueryEmails {

    private static final Logger LOG = LoggerFactory.getLogger(QueryEmails.class);

    private final StaffAlerts alerts;
    private final PointWords words;
    private final TenantSweeps tenants;

    QueryEmails(StaffAlerts alerts, PointWords words, TenantSweeps tenants) {
        this.alerts = alerts;
        this.words = words;
        this.tenants = tenants;
    }

    @EventListener
    void raised(DataQueryRaised event) {
        try {
            tenants.inTenant(event.tenantId(), "query-email", EnumSet.of(PortalRole.CLINICIAN),
                    () -> alerts.dataQuery(event.queryId(), event.point().form().studyId(),
                            event.point().form().participantId(), event.assignee(),
                            words.of(event.point(), Locale.ENGLISH),
                            words.of(event.point(), Locale.SIMPLIFIED_CHINESE)));
        } catch (RuntimeException e) {
            LOG.error("Could not plan the emails for query {}", event.queryId(), e);
        }
    }
}
