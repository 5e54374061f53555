package org.researchportal.followup;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.storage.PersonalText;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.convert.ValueConverter;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something a call found that a clinician must look at: a concern the coordinator flagged, or a number that reaches
 * someone else (the contact details need correcting). Open until handled. New health problems go to the adverse
 * events as drafts instead.
 */
@Document("call_escalations")
@CompoundIndex(name = "tenant_open_study_raised", def = "{'tenantId': 1, 'handledAt': 1, 'studyId': 1, 'raisedAt': 1}")
@CompoundIndex(name = "tenant_participant_open_raised",
        def = "{'tenantId': 1, 'participantId': 1, 'handledAt': 1, 'raisedAt': 1}")
public class Escalation extends TenantOwnedDocument {

    public enum Kind {
        CONCERN, WRONG_NUMBER;

        public String messageKey() {
            return "escalation.kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private String participantId;
    private String studyId;
    private String callId;
    private Kind kind;
    /** What the coordinator wrote, or the number that reached someone else: may name the person, so sealed. */
    @ValueConverter(PersonalText.class)
    private String detail;
    private Instant raisedAt;
    private String raisedBy;
    private @Nullable Instant handledAt;
    private @Nullable String handledBy;
    private @Nullable String handledNote;

    Escalation(String participantId, String studyId, String callId, Kind kind, String detail, Instant raisedAt,
            String raisedBy) {
        this.participantId = participantId;
        this.studyId = studyId;
        this.callId = callId;
        this.kind = kind;
        this.detail = detail;
        this.raisedAt = raisedAt;
        this.raisedBy = raisedBy;
    }

    public String getParticipantId() {
        return participantId;
    }

    public String getStudyId() {
        return studyId;
    }

    public String getCallId() {
        return callId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public @Nullable Instant getHandledAt() {
        return handledAt;
    }

    public @Nullable String getHandledBy() {
        return handledBy;
    }

    public @Nullable String getHandledNote() {
        return handledNote;
    }
}
