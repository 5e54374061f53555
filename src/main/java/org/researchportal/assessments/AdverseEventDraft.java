package org.researchportal.assessments;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A possible adverse event someone other than a clinician heard of (a new health problem on a follow-up call): open
 * until a clinician records it as an adverse event, graded and judged, or dismisses it with a reason.
 */
@Document("adverse_event_drafts")
@CompoundIndex(name = "tenant_study_state_raised", def = "{'tenantId': 1, 'studyId': 1, 'state': 1, 'raisedAt': 1}")
@CompoundIndex(name = "tenant_participant_state_raised",
        def = "{'tenantId': 1, 'participantId': 1, 'state': 1, 'raisedAt': 1}")
class AdverseEventDraft extends TenantOwnedDocument {

    enum State {
        OPEN, RECORDED, DISMISSED
    }

    private String studyId;
    private String participantId;
    private String description;
    private LocalDate noticedOn;
    private String source;
    private String raisedBy;
    private Instant raisedAt;
    private State state = State.OPEN;
    private @Nullable String adverseEventId;
    private @Nullable String closedBy;
    private @Nullable String closedNote;

    AdverseEventDraft(String studyId, String participantId, String description, LocalDate noticedOn, String source,
            String raisedBy, Instant raisedAt) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.description = description;
        this.noticedOn = noticedOn;
        this.source = source;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    String getStudyId() {
        return studyId;
    }

    String getParticipantId() {
        return participantId;
    }

    State getState() {
        return state;
    }

    AdverseEventDraftRow toRow(String participantLabel) {
        return new AdverseEventDraftRow(requireId(), participantId, participantLabel, description, noticedOn, source,
                raisedBy, raisedAt);
    }
}
