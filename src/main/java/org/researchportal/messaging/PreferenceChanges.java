package org.researchportal.messaging;

import java.util.EnumSet;
import org.researchportal.base.security.PortalRole;
import org.researchportal.participants.ContactPreferencesChanged;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a participant changes their reminder time, quiet hours or time zone, what is pending for them moves at once,
 * rather than at the next planning round: tomorrow's reminder comes at the time they just chose.
 */
@Component
class PreferenceChanges {

    private final TenantSweeps tenants;
    private final ReminderPlanner planner;

    PreferenceChanges(TenantSweeps tenants, ReminderPlanner planner) {
        this.tenants = tenants;
        this.planner = planner;
    }

    @EventListener
    void preferencesChanged(ContactPreferencesChanged event) {
        // If this fails, the preferences are saved: the next planning round re-plans, the dispatcher checks quiet hours.
        tenants.followUp(event.tenantId(), "preferences-changed", EnumSet.of(PortalRole.COORDINATOR,
                PortalRole.CLINICIAN), "participant " + event.participantId(), () -> planner.replan(
                        event.participantId()));
    }
}
