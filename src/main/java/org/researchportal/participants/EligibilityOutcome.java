package org.researchportal.participants;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Each criterion's outcome for one candidate, and the verdict once every criterion is determined.
 *
 * @param criteria criterion code to its outcome
 * @param eligible {@code null} while some criterion is still undetermined
 */
public record EligibilityOutcome(Map<String, Outcome> criteria, @Nullable Boolean eligible, List<String> failed,
        List<String> undetermined) {

    /** PASS: an inclusion criterion is met or an exclusion criterion is absent. */
    public enum Outcome {
        PASS, FAIL, UNKNOWN
    }

    public boolean complete() {
        return undetermined.isEmpty();
    }
}
