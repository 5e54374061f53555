package org.researchportal.assessments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A recorded assessment as the assessor and clinician see it. It carries no arm. */
public record AssessmentRecord(String id, String participantId, String timepoint, String instrument,
        LocalDate assessedOn, Map<String, String> answers, Map<String, Double> scores, String assessedBy,
        Instant recordedAt) {}
