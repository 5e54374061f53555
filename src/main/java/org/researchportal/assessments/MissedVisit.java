package org.researchportal.assessments;

import java.time.Instant;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A timepoint the assessor decided will not be assessed (missed, or not done), with the reason. One per timepoint. */
@Document("missed_visits")
@CompoundIndex(name = "tenant_participant_timepoint", def = "{'tenantId': 1, 'participantId': 1, 'timepoint': 1}",
        unique = true)
@CompoundIndex(name = "tenant_study", def = "{'tenantId': 1, 'studyId': 1}")
class MissedVisit extends TenantOwnedDocument {

    private String studyId;
    private String participantId;
    private String timepoint;
    private MissedVisitRecord.Kind kind;
    private String reason;
    private String recordedBy;
    private Instant recordedAt;

    MissedVisit(String studyId, String participantId, String timepoint, MissedVisitRecord.Kind kind, String reason,
            String recordedBy, Instant recordedAt) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.timepoint = timepoint;
        this.kind = kind;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    MissedVisitRecord toRecord() {
        return new MissedVisitRecord(requireId(), participantId, timepoint, kind, reason, recordedBy, recordedAt);
    }

    String getParticipantId() {
        return participantId;
    }

    String getTimepoint() {
        return timepoint;
    }
}
