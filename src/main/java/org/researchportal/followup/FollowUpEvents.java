package org.researchportal.followup;

import java.util.EnumSet;
import org.researchportal.base.security.PortalRole;
import org.researchportal.participants.ContactEnded;
import org.researchportal.participants.ParticipantRandomised;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Calls follow the participant's course: planned when they are randomised, ended when they leave the study. If
 * either fails, the planning round puts it right (it plans what is missing and ends what should not be open).
 */
@Component
class FollowUpEvents {

    private final TenantSweeps tenants;
    private final CallPlanning planning;

    FollowUpEvents(TenantSweeps tenants, CallPlanning planning) {
        this.tenants = tenants;
        this.planning = planning;
    }

    @EventListener
    void randomised(ParticipantRandomised event) {
        tenants.followUp(event.tenantId(), "calls-on-randomisation", EnumSet.of(PortalRole.COORDINATOR),
                "participant " + event.participantId(), () -> planning.planCallsFor(event.participantId()));
    }

    /** A new or changed plan: the calls it adds are planned now, not at the next round. */
    @EventListener
    void planChanged(FollowUpPlanChanged event) {
        tenants.followUp(event.tenantId(), "calls-on-plan-change", EnumSet.of(PortalRole.COORDINATOR),
                "study " + event.studyId() + " arm " + event.armCode(), planning::planCalls);
    }

    @EventListener
    void contactEnded(ContactEnded event) {
        if (event.channel() != null) {
            // Only SMS or email ended: the telephone calls go on.
            return;
        }
        tenants.followUp(event.tenantId(), "calls-on-leaving", EnumSet.of(PortalRole.COORDINATOR),
                "participant " + event.participantId(), () -> planning.cancelOpenCalls(event.participantId(),
                        event.reason()));
    }
}
