package org.researchportal.participants;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The recorded eligibility of a candidate: what was entered, what followed, who judged and when.
 *
 * @param measures screening measure code to value (yes/no as 1 or 0)
 * @param answers manual criterion code to the clinician's answer (inclusion: met; exclusion: present)
 * @param failedCriteria the criteria that made the candidate ineligible, for the screen-failure tally
 */
public record EligibilityAssessment(Map<String, Double> measures, Map<String, Boolean> answers, boolean eligible,
        List<String> failedCriteria, Instant assessedAt, String assessedBy) {}
