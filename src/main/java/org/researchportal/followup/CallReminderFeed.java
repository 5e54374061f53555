package org.researchportal.followup;

import java.util.EnumSet;
import java.util.List;
import org.researchportal.base.security.PortalRole;
import org.researchportal.messaging.CallReminders;
import org.researchportal.messaging.DueReminders;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What messaging needs to remind participants of their calls: the calls expected in the coming days, and at once
 * when a call moves or is over. Messaging declares what it needs; this module tells it, so messaging need not know
 * calls.
 */
@Component
class CallReminderFeed implements DueReminders {

    private final CallPlanning calls;
    private final CallReminders reminders;
    private final TenantSweeps tenants;

    CallReminderFeed(CallPlanning calls, CallReminders reminders, TenantSweeps tenants) {
        this.calls = calls;
        this.reminders = reminders;
        this.tenants = tenants;
    }

    @Override
    public List<DueReminders.ExpectedCall> expectedCalls(int days) {
        return calls.expectedCalls(days).stream().map(call -> new DueReminders.ExpectedCall(call.callId(),
                call.participantId(), call.day(), call.callBackAt(), call.preferredCallTime())).toList();
    }

    @EventListener
    void callMoved(FollowUpCallMoved event) {
        tenants.followUp(event.tenantId(), "call-moved", EnumSet.of(PortalRole.COORDINATOR, PortalRole.CLINICIAN),
                "call " + event.callId(), () -> reminders.callMoved(event.callId(), event.participantId(),
                        event.day()));
    }

    @EventListener
    void callClosed(FollowUpCallClosed event) {
        // If this fails, the dispatcher still sends it: the participant hears of a call already made, nothing worse.
        tenants.followUp(event.tenantId(), "call-closed", EnumSet.of(PortalRole.COORDINATOR), "call "
                + event.callId(), () -> reminders.callClosed(event.callId()));
    }
}
