package org.researchportal.quality;

import java.util.List;

/**
 * What a study's monitor verifies: every consent, eligibility assessment and adverse event, every entry of the primary
 * outcome instruments, and {@code sharePercent} of the other instrument entries, chosen by a reproducible sample.
 */
public record SdvPlanRecord(String studyId, List<String> primaryInstruments, int sharePercent) {

    /** The share of the other forms verified when the plan does not say. */
    public static final int DEFAULT_SHARE = 20;

    public SdvPlanRecord {
        primaryInstruments = List.copyOf(primaryInstruments);
    }
}
