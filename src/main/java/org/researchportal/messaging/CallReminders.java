package org.researchportal.messaging;

import java.time.LocalDate;
import org.researchportal.base.security.Authorities;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Keeps call reminders in step with the calls, as the follow-up module tells them: a call that is over (completed,
 * declined, missed, cancelled) needs no reminder, so a pending one is cancelled; a call moved to another time has its
 * reminder moved with it at once, whenever the new time is.
 */
@Service
public class CallReminders {

    private final Outbox outbox;
    private final ReminderPlanner planner;

    CallReminders(Outbox outbox, ReminderPlanner planner) {
        this.outbox = outbox;
        this.planner = planner;
    }

    /** The call is now expected on {@code day} of the participant's calendar: its reminder moves there. */
    @Secured(Authorities.COORDINATOR)
    public void callMoved(String callId, String participantId, LocalDate day) {
        // Cancelled here whatever the new day, which may lie beyond the planning window.
        outbox.cancelPendingCallReminders(callId, day, "The call moved to " + day);
        planner.planCallReminders(ReminderPlanner.DAYS_AHEAD, participantId::equals);
    }

    /** The call is over: a reminder of it still pending is not sent. Answers how many were cancelled. */
    @Secured(Authorities.COORDINATOR)
    public int callClosed(String callId) {
        return outbox.cancelPendingCallReminders(callId, null, "The call is over");
    }
}
