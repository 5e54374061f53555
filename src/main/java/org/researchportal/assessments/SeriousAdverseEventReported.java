package org.researchportal.assessments;

import java.time.Instant;

/**
 * A serious adverse event was reported. The clinician dashboard lists open ones; the messaging module alerts the
 * tenant's clinicians by email. Carries ids only: no health information travels in the event.
 */
public record SeriousAdverseEventReported(String tenantId, String studyId, String participantId,
        String adverseEventId, Instant at) {}
