package org.researchportal.followup;

import java.time.LocalDate;

/**
 * The participant asked to be called back at another time: the reminder for any other day than {@code day} (the new
 * time's day in the participant's calendar) is no longer right.
 */
record FollowUpCallMoved(String tenantId, String participantId, String callId, LocalDate day) {}
