package org.researchportal.study;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.researchportal.base.ValidationException;

/** Checks a study's eligibility model and randomisation plan before they are stored. */
final class StudyConfigurationCheck {

    private static final String CODE = "[a-z][a-z0-9_]{0,39}";

    private StudyConfigurationCheck() {
    }

    static void eligibility(EligibilityModel model) {
        Set<String> measures = new HashSet<>();
        boolean valid = true;
        for (ScreeningMeasure measure : model.measures()) {
            valid &= measure.code().matches(CODE) && measures.add(measure.code()) && !measure.label().isBlank();
        }
        Set<String> criteria = new HashSet<>();
        for (EligibilityCriterion criterion : model.criteria()) {
            valid &= !criterion.code().isBlank() && criteria.add(criterion.code()) && !criterion.text().isBlank();
            CriterionRule rule = criterion.rule();
            if (rule != null) {
                valid &= !rule.conditions().isEmpty()
                        && rule.conditions().stream().allMatch(c -> measures.contains(c.measure()));
            }
        }
        if (!valid) {
            throw ValidationException.of("eligibility", "study.eligibility.invalid");
        }
    }

    static void randomisation(RandomisationPlan plan, List<Arm> arms) {
        Set<String> armCodes = new HashSet<>();
        arms.forEach(a -> armCodes.add(a.code()));
        boolean valid = plan.ratio().keySet().equals(armCodes)
                && plan.ratio().values().stream().allMatch(share -> share >= 1 && share <= 10)
                && !plan.blockMultiples().isEmpty()
                && plan.blockMultiples().stream().allMatch(m -> m >= 1 && m <= 10)
                && plan.strata().stream().allMatch(f -> f.code().matches(CODE) && f.levels().size() >= 2);
        if (!valid) {
            throw ValidationException.of("randomisation", "study.randomisation.invalid");
        }
    }
}
