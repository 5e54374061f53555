package org.researchportal.assessments;

import java.util.EnumSet;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantCreated;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a new tenant the portal's standard instruments (BPI short form, stiffness, grip strength, aromatase-inhibitor
 * adherence, the quality-of-life questionnaire), published as an institution's own would be, so its administrator can build a schedule of assessments at once and
 * its assessors can record. Done on creation rather than by a button: an empty tenant has nothing a schedule could
 * name, and nobody should have to know to ask for the instruments. The demo's tenants get theirs the same way.
 * Runs in the new tenant as a system actor with the one role that may define instruments, audited there. Should it
 * fail (it is logged), the schedule editor offers the same step to the tenant administrator.
 */
@Component
class StandardInstrumentsForNewTenants {

    static final String PURPOSE = "standard-instruments";

    private final InstrumentDesigner designer;
    private final TenantSweeps sweeps;

    StandardInstrumentsForNewTenants(InstrumentDesigner designer, TenantSweeps sweeps) {
        this.designer = designer;
        this.sweeps = sweeps;
    }

    @EventListener
    void on(TenantCreated event) {
        sweeps.followUp(event.tenantId(), PURPOSE, EnumSet.of(PortalRole.TENANT_ADMIN), "the new tenant",
                designer::defineStandardInstruments);
    }
}
