package org.researchportal.followup;

import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How one arm of a study is followed up by telephone: a call every {@code intervalMonths}, the first that many
 * months after randomisation, {@code calls} in all, each in a window of plus or minus {@code windowDays} around its
 * due date; after {@code maxAttempts} unanswered attempts (spaced {@code retryAfterHours} apart) a call is missed.
 */
@Document("followup_plans")
@CompoundIndex(name = "tenant_study_arm", def = "{'tenantId': 1, 'studyId': 1, 'armCode': 1}", unique = true)
public class FollowUpPlan extends TenantOwnedDocument {

    private String studyId;
    private String armCode;
    private FollowUpPlanSettings settings;

    FollowUpPlan(String studyId, String armCode, FollowUpPlanSettings settings) {
        this.studyId = studyId;
        this.armCode = armCode;
        this.settings = settings;
    }

    public String getStudyId() {
        return studyId;
    }

    public String getArmCode() {
        return armCode;
    }

    public FollowUpPlanSettings getSettings() {
        return settings;
    }
}
