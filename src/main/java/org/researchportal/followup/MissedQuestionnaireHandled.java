package org.researchportal.followup;

import java.time.Instant;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a coordinator has dealt with a questionnaire a participant missed (one timepoint's), and how: it takes the
 * questionnaire off the call worklist. The missed questionnaire itself is not stored: it is what the questionnaires'
 * windows say today.
 */
@Document("missed_questionnaires_handled")
@CompoundIndex(name = "tenant_participant_timepoint", def = "{'tenantId': 1, 'participantId': 1, 'timepoint': 1}",
        unique = true)
@CompoundIndex(name = "tenant_study", def = "{'tenantId': 1, 'studyId': 1}")
public class MissedQuestionnaireHandled extends TenantOwnedDocument {

    private String participantId;
    private String studyId;
    private String timepoint;
    private Instant handledAt;
    private String handledBy;
    private String note;

    MissedQuestionnaireHandled(String participantId, String studyId, String timepoint, Instant handledAt,
            String handledBy, String note) {
        this.participantId = participantId;
        this.studyId = studyId;
        this.timepoint = timepoint;
        this.handledAt = handledAt;
        this.handledBy = handledBy;
        this.note = note;
    }

    public String getParticipantId() {
        return participantId;
    }

    public String getStudyId() {
        return studyId;
    }

    public String getTimepoint() {
        return timepoint;
    }

    public Instant getHandledAt() {
        return handledAt;
    }

    public String getHandledBy() {
        return handledBy;
    }

    public String getNote() {
        return note;
    }
}
