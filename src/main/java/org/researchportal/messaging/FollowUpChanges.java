package org.researchportal.messaging;

import java.util.EnumSet;
import java.util.regex.Pattern;
import org.researchportal.base.security.PortalRole;
import org.researchportal.followup.FollowUpCallClosed;
import org.researchportal.followup.FollowUpCallMoved;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * A call that is over (completed, declined, missed, cancelled) needs no reminder: a pending one is cancelled. A call
 * moved to another time has its reminder moved with it at once, whenever the new time is.
 */
@Component
class FollowUpChanges {

    private final TenantSweeps tenants;
    private final Outbox outbox;
    private final ReminderPlanner planner;

    FollowUpChanges(TenantSweeps tenants, Outbox outbox, ReminderPlanner planner) {
        this.tenants = tenants;
        this.outbox = outbox;
        this.planner = planner;
    }

    @EventListener
    void callMoved(FollowUpCallMoved event) {
        tenants.followUp(event.tenantId(), "call-moved", EnumSet.of(PortalRole.COORDINATOR, PortalRole.CLINICIAN),
                "call " + event.callId(), () -> {
                    // Cancelled here whatever the new day, which may lie beyond the planning window.
                    outbox.cancelPending(ReminderPlanner.callRemindersOnOtherDays(event.callId(), event.day()),
                            "The call moved to " + event.day());
                    planner.planCallReminders(ReminderPlanner.DAYS_AHEAD, event.participantId()::equals);
                });
    }

    @EventListener
    void callClosed(FollowUpCallClosed event) {
        // If this fails, the dispatcher still sends it: the participant hears of a call already made, nothing worse.
        tenants.followUp(event.tenantId(), "call-closed", EnumSet.of(PortalRole.COORDINATOR), "call "
                + event.callId(), () -> outbox.cancelPending(Criteria.where("idempotencyKey").regex("^"
                        + Pattern.quote(ReminderPlanner.callReminderPrefix(event.callId()))), "The call is over"));
    }
}
