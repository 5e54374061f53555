package org.researchportal.assessments;

import java.time.Instant;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** An adverse event of one participant, as last reported, with who reported it and when. */
@Document("adverse_events")
@CompoundIndex(name = "tenant_participant_onset",
        def = "{'tenantId': 1, 'participantId': 1, 'report.onset': 1, 'reportedAt': 1}")
@CompoundIndex(name = "tenant_study_participant_onset",
        def = "{'tenantId': 1, 'studyId': 1, 'participantId': 1, 'report.onset': 1, 'reportedAt': 1}")
@CompoundIndex(name = "tenant_study_serious_open_onset",
        def = "{'tenantId': 1, 'studyId': 1, 'serious': 1, 'open': 1, 'report.onset': -1}")
class AdverseEvent extends TenantOwnedDocument {

    private String studyId;
    private String participantId;
    private AdverseEventReport report;
    private boolean serious;
    private boolean open;
    private String reportedBy;
    private Instant reportedAt;

    AdverseEvent(String studyId, String participantId, AdverseEventReport report, boolean serious, boolean open,
            String reportedBy, Instant reportedAt) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.report = report;
        this.serious = serious;
        this.open = open;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
    }

    AdverseEventRow toRow(String participantLabel) {
        return new AdverseEventRow(requireId(), participantId, participantLabel, report, reportedBy, reportedAt);
    }

    BlindedAdverseEvent toBlinded() {
        return new BlindedAdverseEvent(requireId(), participantId, report.onset(), report.resolvedOn(), report.grade(),
                serious, report.outcome());
    }

    AdverseEventRecord toRecord() {
        return new AdverseEventRecord(requireId(), participantId, report, serious, reportedAt);
    }

    String getParticipantId() {
        return participantId;
    }

    AdverseEventReport getReport() {
        return report;
    }
}
