package org.researchportal.participants;

/** A participant was allocated and enrolled: their follow-up calls are planned from this day. Ids only. */
public record ParticipantRandomised(String tenantId, String participantId) {}
