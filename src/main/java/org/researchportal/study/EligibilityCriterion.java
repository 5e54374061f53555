package org.researchportal.study;

import org.jspecify.annotations.Nullable;

/**
 * One inclusion or exclusion criterion of a study. A criterion with a rule is computed from the screening measures
 * and cannot be ticked; one without is answered by the clinician.
 */
public record EligibilityCriterion(String code, Kind kind, String text, String textZh, @Nullable CriterionRule rule) {

    public enum Kind {
        INCLUSION, EXCLUSION
    }

    public boolean computed() {
        return rule != null;
    }
}
