package org.researchportal.quality;

import java.time.Instant;
import java.util.List;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A study's source-data verification plan as its monitor or administrator set it. */
@Document("sdv_plans")
@CompoundIndex(name = "tenant_study", def = "{'tenantId': 1, 'studyId': 1}", unique = true)
class SdvPlan extends TenantOwnedDocument {

    private String studyId;
    private List<String> primaryInstruments;
    private int sharePercent;
    private String changedBy;
    private Instant changedAt;

    SdvPlan(String studyId, List<String> primaryInstruments, int sharePercent, String changedBy, Instant changedAt) {
        this.studyId = studyId;
        this.primaryInstruments = List.copyOf(primaryInstruments);
        this.sharePercent = sharePercent;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    SdvPlanRecord toRecord() {
        return new SdvPlanRecord(studyId, primaryInstruments, sharePercent);
    }
}
