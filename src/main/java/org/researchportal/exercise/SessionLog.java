package org.researchportal.exercise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One exercise session as the participant logged it. */
@Document("session_logs")
@CompoundIndex(name = "tenant_participant_date_logged",
        def = "{'tenantId': 1, 'participantId': 1, 'date': -1, 'loggedAt': -1}")
public class SessionLog extends TenantOwnedDocument {

    public static final int NOTE_MAX_LENGTH = 500;
    public static final int MAX_MINUTES = 180;

    private String participantId;
    private String studyId;
    private LocalDate date;
    private List<String> exercises;
    private int minutes;
    private int exertion;
    private int painBefore;
    private int painAfter;
    private @Nullable String note;
    private boolean safetyStop;
    private Instant loggedAt;

    SessionLog(String participantId, String studyId, LocalDate date, List<String> exercises, int minutes,
            int exertion, int painBefore, int painAfter, @Nullable String note, boolean safetyStop,
            Instant loggedAt) {
        this.participantId = participantId;
        this.studyId = studyId;
        this.date = date;
        this.exercises = List.copyOf(exercises);
        this.minutes = minutes;
        this.exertion = exertion;
        this.painBefore = painBefore;
        this.painAfter = painAfter;
        this.note = note;
        this.safetyStop = safetyStop;
        this.loggedAt = loggedAt;
    }

    SessionRecord toRecord() {
        return new SessionRecord(requireId(), date, exercises, minutes, exertion, painBefore, painAfter, note,
                safetyStop, loggedAt);
    }

    LocalDate getDate() {
        return date;
    }

    String getParticipantId() {
        return participantId;
    }
}
