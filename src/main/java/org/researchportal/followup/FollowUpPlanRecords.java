package org.researchportal.followup;

import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The reads and writes of the arms' follow-up plans, in the tenant in scope. */
@Component
class FollowUpPlanRecords {

    private final TenantDocuments documents;

    FollowUpPlanRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    List<FollowUpPlan> plansOf(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId)), FollowUpPlan.class);
    }

    Optional<FollowUpPlan> plan(String studyId, String armCode) {
        return documents.findOne(Query.query(Criteria.where("studyId").is(studyId).and("armCode").is(armCode)),
                FollowUpPlan.class);
    }

    FollowUpPlan add(FollowUpPlan plan) {
        return documents.insert(plan);
    }

    /** Replaces the settings of a plan still at the version read; answers whether it was (false: changed meanwhile). */
    boolean replaceSettings(FollowUpPlan plan, FollowUpPlanSettings settings) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(plan.requireId()).and("version")
                .is(plan.getVersion())), new Update().set("settings", settings).inc("version", 1),
                FollowUpPlan.class) > 0;
    }
}
