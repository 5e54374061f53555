package org.researchportal.quality;

import java.util.List;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The studies' verification plans, in the tenant in scope; a study without one has the default. */
@Component
class SdvPlans {

    private final TenantDocuments documents;

    SdvPlans(TenantDocuments documents) {
        this.documents = documents;
    }

    SdvPlanRecord of(String studyId) {
        return documents.findOne(Query.query(Criteria.where("studyId").is(studyId)), SdvPlan.class)
                .map(SdvPlan::toRecord)
                .orElse(new SdvPlanRecord(studyId, List.of(), SdvPlanRecord.DEFAULT_SHARE));
    }

    void replace(SdvPlan plan, String studyId) {
        documents.remove(Query.query(Criteria.where("studyId").is(studyId)), SdvPlan.class);
        documents.insert(plan);
    }
}
