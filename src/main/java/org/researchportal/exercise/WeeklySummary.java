package org.researchportal.exercise;

import java.time.Instant;
import java.time.LocalDate;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One participant's week (Monday to Sunday, in their time zone) in figures: sessions, days with a session, minutes,
 * exertion and joint pain before and after. Rewritten from that week's logs each time one arrives, so the caseload
 * and the progress page read a handful of weeks instead of every log.
 */
@Document("weekly_summaries")
@CompoundIndex(name = "tenant_participant_week", def = "{'tenantId': 1, 'participantId': 1, 'weekStart': -1}",
        unique = true)
class WeeklySummary extends TenantOwnedDocument {

    private String participantId;
    private String studyId;
    private LocalDate weekStart;
    /** How many logs this summary was made from: a summary is only ever replaced by one made from more. */
    private int sessions;
    private int sessionDays;
    private int minutes;
    private double exertion;
    private double painBefore;
    private double painAfter;
    private int worstPain;
    private int safetyStops;
    private Instant updatedAt;

    WeeklySummary() {
        // Written by an upsert from the week's logs, never constructed by the portal.
    }

    WeekFigures toFigures(int planned) {
        return new WeekFigures(weekStart, planned, sessions, sessionDays, minutes, exertion, painBefore, painAfter,
                worstPain, safetyStops);
    }

    LocalDate getWeekStart() {
        return weekStart;
    }

    String getParticipantId() {
        return participantId;
    }
}
