package org.researchportal.quality;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A study's stage and who moved it there, when and why. A study with none is recruiting (as before stages). */
@Document("study_lives")
@CompoundIndex(name = "tenant_study", def = "{'tenantId': 1, 'studyId': 1}", unique = true)
class StudyLife extends TenantOwnedDocument {

    private String studyId;
    private StudyStage stage;
    private Instant changedAt;
    private String changedBy;
    private @Nullable String reason;

    StudyLife(String studyId, StudyStage stage, Instant changedAt, String changedBy, @Nullable String reason) {
        this.studyId = studyId;
        this.stage = stage;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.reason = reason;
    }

    String getStudyId() {
        return studyId;
    }

    StudyStage getStage() {
        return stage;
    }

    Instant getChangedAt() {
        return changedAt;
    }

    String getChangedBy() {
        return changedBy;
    }

    @Nullable
    String getReason() {
        return reason;
    }
}
