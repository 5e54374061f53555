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

    /**
     * Every randomised participant's timepoints with questionnaires she completes herself, answered or not (one with
     * nothing left to answer cancels its pending invitation and reminders).
     */
    default List<QuestionnaireDue> questionnaires() {
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

    /**
     * A participant's timepoint whose questionnaires she answers herself: its window, the days after the window opens
     * on which the study reminds her, and whether anything is left for her to answer.
     *
     * @param done every questionnaire of the timepoint is answered, or excused (the visit was recorded missed, she
     *     left), or its window closed: no invitation or reminder is wanted any more
     */
    record QuestionnaireDue(String participantId, String timepoint, LocalDate opensOn, LocalDate closesOn,
            List<Integer> reminderDays, boolean done) {

        public QuestionnaireDue {
            reminderDays = List.copyOf(reminderDays);
        }
    }
}
