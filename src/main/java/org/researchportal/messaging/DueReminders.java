package org.researchportal.messaging;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What participants are to be reminded of in the coming days, said in messaging's terms by the module that knows it
 * (exercise: programme days and video weeks; follow-up: expected calls; assessments: timepoints due), so messaging
 * plans the reminders without importing those modules. A module implements the kinds it knows; the rest stay empty.
 * Called by the planner as whoever plans (a coordinator, or the planning round's system actor): an implementation
 * reads through its own module's secured services.
 */
public interface DueReminders {

    /** The programme days ahead, today included, in each participant's own calendar: one session reminder each. */
    default List<SessionDay> sessionDays(int days) {
        return List.of();
    }

    /** The day of each programme week ahead on which a participant is sent the link to one exercise's video. */
    default List<VideoWeek> videoWeeks(int days) {
        return List.of();
    }

    /** The open calls expected in the coming days, each on its day in the participant's calendar. */
    default List<ExpectedCall> expectedCalls(int days) {
        return List.of();
    }

    /** Every participant's assessment timepoints, done or not (a done one cancels its pending reminder). */
    default List<AssessmentDue> assessments() {
        return List.of();
    }

    /** A day of a participant's exercise programme. */
    record SessionDay(String participantId, LocalDate date) {}

    /** The day a participant is sent the link to one exercise's video, in a week of their programme. */
    record VideoWeek(String participantId, LocalDate date, int week, String exerciseCode) {}

    /**
     * A call expected on a day of the participant's calendar: at the time they asked to be called back, or within their
     * preferred call time (free text as they gave it, "Weekdays 14:00-17:00").
     */
    record ExpectedCall(String callId, String participantId, LocalDate day, @Nullable LocalTime callBackAt,
            @Nullable String preferredCallTime) {}

    /** A participant's assessment timepoint falling due on a day, and whether it is assessed already. */
    record AssessmentDue(String participantId, String timepoint, LocalDate dueOn, boolean done) {}
}
