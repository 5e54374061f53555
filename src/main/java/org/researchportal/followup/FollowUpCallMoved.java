package org.researchportal.followup;

/** The participant asked to be called back at another time: the reminder for the old day is no longer right. */
public record FollowUpCallMoved(String tenantId, String participantId, String callId) {
}
