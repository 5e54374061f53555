package org.researchportal.followup;

/** An arm's follow-up plan was set or changed. */
record FollowUpPlanChanged(String tenantId, String studyId, String armCode) {}
