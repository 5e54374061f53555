package org.researchportal.exercise;

/**
 * A programme alert was raised (no session for a week, pain up by 2 or more, a safety stop). The therapist sees it
 * on the programme page; messaging also emails them. Ids and the kind only: no health detail travels in the event.
 */
public record ProgrammeAlertRaised(String tenantId, String participantId, String alertId, ProgrammeAlert.Kind kind) {}
