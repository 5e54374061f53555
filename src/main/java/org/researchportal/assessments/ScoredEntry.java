package org.researchportal.assessments;

import java.time.LocalDate;
import java.util.Map;

/**
 * One recorded instrument's scores, as the outcome analyses read them: whose, at which timepoint, of which instrument,
 * the day it was assessed and the scores its answers computed (a score its missing-item rule left blank is absent).
 * It carries no arm.
 */
public record ScoredEntry(String participantId, String timepoint, String instrument, LocalDate assessedOn,
        Map<String, Double> scores) {

    public ScoredEntry {
        scores = Map.copyOf(scores);
    }
}
