package org.researchportal.followup;

/** A call was completed, declined, missed or cancelled: its reminder, if still pending, is no longer wanted. */
record FollowUpCallClosed(String tenantId, String participantId, String callId) {}
