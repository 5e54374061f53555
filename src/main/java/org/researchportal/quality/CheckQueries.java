package org.researchportal.quality;

import java.util.EnumSet;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens a query, as the system, on a value a soft edit check questions. It runs in the thread of whoever saved the
 * value (an assessor, a clinician, a participant answering her own questionnaire), so it acts with the monitor's authority alone, which raising needs; the save
 * stands whatever happens here, so a failure is logged rather than shown to the person who saved.
 */
@Component
class CheckQueries {

    private static final Logger LOG = LoggerFactory.getLogger(CheckQueries.class);

    private final DataQueries queries;
    private final TenantSweeps tenants;

    CheckQueries(DataQueries queries, TenantSweeps tenants) {
        this.queries = queries;
        this.tenants = tenants;
    }

    @EventListener
    void checkFailed(EditCheckFailed event) {
        try {
            tenants.inTenant(event.tenantId(), "edit-check", EnumSet.of(PortalRole.MONITOR),
                    () -> queries.raiseForCheck(event.point(), event.checkCode(), event.messageEn(),
                            event.messageZh()));
        } catch (RuntimeException e) {
            LOG.error("Could not open a query for edit check {} on {}", event.checkCode(), event.point(), e);
        }
    }
}
