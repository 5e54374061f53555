package org.researchportal.exercise;

import java.time.LocalDate;

/**
 * A participant's adherence over the whole programme, for exports: the programme days planned from its start up to
 * the day asked (in the participant's time zone), the days with at least one session logged, and the sessions.
 */
public record ProgrammeAdherence(String participantId, String template, int manualEdition, LocalDate startDate,
        LocalDate until, int plannedDays, int sessionDays, int sessions) {}
