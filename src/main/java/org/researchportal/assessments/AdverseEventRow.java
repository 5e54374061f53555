package org.researchportal.assessments;

import java.time.Instant;

/** An adverse event as clinicians list it. */
public record AdverseEventRow(String id, String participantId, String participant, AdverseEventReport report,
        String reportedBy, Instant reportedAt) {}
