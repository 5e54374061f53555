package org.researchportal.followup;

import java.util.EnumSet;
import org.researchportal.base.security.PortalRole;
import org.researchportal.participants.ContactEnded;
import org.researchportal.participants.ParticipantRandomised;
import org.researchportal.tenancy.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Calls follow the participant's course: planned when they are randomised, ended when they leave the study. If
 * either fails, the planning round puts it right (it plans what is missing and ends what should not be open).
 */
@Component
class FollowUpEvents {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpEvents.class);

    private final TenantSweeps tenants;
    private final CallPlanning planning;

    FollowUpEvents(TenantSweeps tenants, CallPlanning planning) {
        this.tenants = tenants;
        this.planning = planning;
    }

    @EventListener
    void randomised(ParticipantRandomised event) {
        try {
            tenants.inTenant(event.tenantId(), "calls-on-randomisation", EnumSet.of(PortalRole.COORDINATOR),
                    () -> planning.planCallsFor(event.participantId()));
        } catch (RuntimeException e) {
            LOG.error("Could not plan the calls of participant {}", event.participantId(), e);
        }
    }

    /** A new or changed plan: the calls it adds are planned now, not at the next round. */
    @EventListener
    void planChanged(FollowUpPlanChanged event) {
        try {
            tenants.inTenant(event.tenantId(), "calls-on-plan-change", EnumSet.of(PortalRole.COORDINATOR),
                    planning::planCalls);
        } catch (RuntimeException e) {
            LOG.error("Could not plan the calls of study {} arm {}", event.studyId(), event.armCode(), e);
        }
    }

    @EventListener
    void contactEnded(ContactEnded event) {
        if (event.channel() != null) {
            // Only SMS or email ended: the telephone calls go on.
            return;
        }
        try {
            tenants.inTenant(event.tenantId(), "calls-on-leaving", EnumSet.of(PortalRole.COORDINATOR),
                    () -> planning.cancelOpenCalls(event.participantId(), event.reason()));
        } catch (RuntimeException e) {
            LOG.error("Could not end the calls of participant {}", event.participantId(), e);
        }
    }
}
