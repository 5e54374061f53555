package org.researchportal.participants;

/** A participant changed when and how they want to hear from the study: what was planned for them is re-planned. */
public record ContactPreferencesChanged(String tenantId, String participantId) {}
