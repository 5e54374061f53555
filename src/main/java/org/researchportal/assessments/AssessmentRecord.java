package org.researchportal.assessments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A recorded assessment as the assessor and clinician see it, with the instrument version it was made with. It
 * carries no arm.
 */
public record AssessmentRecord(String id, String participantId, String timepoint, String instrument,
        int instrumentVersion, LocalDate assessedOn, Map<String, String> answers, Map<String, Double> scores,
        String assessedBy,
        Instant recordedAt) {}
