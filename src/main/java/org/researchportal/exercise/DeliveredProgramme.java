package org.researchportal.exercise;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * One participant's programme as delivered, for the CERT report: what was prescribed (template, manual edition, start,
 * weekdays), the exercises as they stand now, every change with who and why, and what the app recorded of it (the
 * sessions logged with their days and minutes, the weekly check-ins answered, the exercise videos watched).
 *
 * @param sessionDays the distinct days with a session logged
 * @param videosSeenThrough the exercise videos watched to their end
 */
public record DeliveredProgramme(String participantId, String template, int manualEdition, LocalDate startDate,
        List<DayOfWeek> weekdays, List<ProgrammeItem> items, List<ProgrammeChange> changes, int sessions,
        List<LocalDate> sessionDays, int sessionMinutes, int checkIns, int videosWatched, int videosSeenThrough) {

    /** The adjustments made after the prescription. */
    public List<ProgrammeChange> adjustments() {
        return changes.stream().filter(c -> c.action() == ProgrammeChange.Action.ADJUSTED).toList();
    }

    /** The programme days planned from its start up to a day (included): none if it starts later. */
    public List<LocalDate> plannedDays(LocalDate until) {
        return startDate.isAfter(until) ? List.of()
                : startDate.datesUntil(until.plusDays(1)).filter(d -> weekdays.contains(d.getDayOfWeek())).toList();
    }
}
