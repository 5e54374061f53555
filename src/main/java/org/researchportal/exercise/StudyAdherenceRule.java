package org.researchportal.exercise;

import java.time.Instant;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** The adherence rule a study's team set (a study without one follows {@link AdherenceRule#DEFAULT}). */
@Document("adherence_rules")
@CompoundIndex(name = "tenant_study", def = "{'tenantId': 1, 'studyId': 1}", unique = true)
class StudyAdherenceRule extends TenantOwnedDocument {

    private String studyId;
    private int sessionPercent;
    private int adherentPercent;
    private String setBy;
    private Instant setAt;

    StudyAdherenceRule(String studyId, int sessionPercent, int adherentPercent, String setBy, Instant setAt) {
        this.studyId = studyId;
        this.sessionPercent = sessionPercent;
        this.adherentPercent = adherentPercent;
        this.setBy = setBy;
        this.setAt = setAt;
    }

    AdherenceRule toRule() {
        return new AdherenceRule(sessionPercent, adherentPercent);
    }

    String getStudyId() {
        return studyId;
    }
}
