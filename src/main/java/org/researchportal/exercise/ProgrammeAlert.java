package org.researchportal.exercise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something the therapist must look at: a safety stop, pain well above the participant's baseline, or a week without
 * a session. It stays until the therapist marks it handled with a note; nothing removes it. For a week without a
 * session, the date is that of the last activity (last session, or the programme's start) and there is no session.
 */
@Document("programme_alerts")
@CompoundIndex(name = "tenant_participant_raised", def = "{'tenantId': 1, 'participantId': 1, 'raisedAt': -1}")
public class ProgrammeAlert extends TenantOwnedDocument {

    public static final int NOTE_MAX_LENGTH = 500;

    public enum Kind {
        SAFETY_STOP, PAIN_RISE, NO_SESSIONS;

        public String messageKey() {
            return "alert.kind." + name().toLowerCase(Locale.ROOT);
        }
    }

    private String participantId;
    private String studyId;
    private Kind kind;
    private LocalDate sessionDate;
    private @Nullable String sessionId;
    private Instant raisedAt;
    private @Nullable Instant handledAt;
    private @Nullable String handledBy;
    private @Nullable String handledNote;

    ProgrammeAlert(String participantId, String studyId, Kind kind, LocalDate sessionDate, @Nullable String sessionId,
            Instant raisedAt) {
        this.participantId = participantId;
        this.studyId = studyId;
        this.kind = kind;
        this.sessionDate = sessionDate;
        this.sessionId = sessionId;
        this.raisedAt = raisedAt;
    }

    AlertRecord toRecord() {
        return new AlertRecord(requireId(), kind, sessionDate, raisedAt, handledAt, handledBy, handledNote);
    }

    String getParticipantId() {
        return participantId;
    }

    Kind getKind() {
        return kind;
    }

    String getStudyId() {
        return studyId;
    }
}
