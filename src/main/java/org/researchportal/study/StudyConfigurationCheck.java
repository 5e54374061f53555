package org.researchportal.study;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.study.ScreeningMeasure.MeasureType;

/**
 * Checks a study's eligibility model, randomisation plan and schedule before they are stored, naming the part to fix
 * (measures, criteria, ratio, block sizes, strata, schedule) so the editor shows it where it was typed.
 */
final class StudyConfigurationCheck {

    private static final String CODE = "[a-z][a-z0-9_]{0,39}";
    /** Criterion codes as trial protocols number them: I1, E4, INC_2. */
    private static final String CRITERION_CODE = "[A-Za-z][A-Za-z0-9_]{0,15}";
    /** Stratum levels become part of the stratum key ("age=under-65;site=a"), so they hold no ';' or '='. */
    private static final String LEVEL = "[a-z0-9][a-z0-9_-]{0,23}";
    static final int LABEL_MAX_LENGTH = 200;
    static final int TEXT_MAX_LENGTH = 500;

    private StudyConfigurationCheck() {
    }

    static void eligibility(EligibilityModel model) {
        Map<String, String> errors = new HashMap<>();
        Map<String, ScreeningMeasure> measures = new HashMap<>();
        for (ScreeningMeasure measure : model.measures()) {
            if (measure.code() == null || !measure.code().matches(CODE)) {
                errors.putIfAbsent("measures", "study.eligibility.measure-code");
            } else if (measures.put(measure.code(), measure) != null) {
                errors.putIfAbsent("measures", "study.eligibility.measure-duplicate");
            }
            if (measure.type() == null || blankOrLonger(measure.label(), LABEL_MAX_LENGTH)
                    || longer(measure.labelZh(), LABEL_MAX_LENGTH) || longer(measure.unit(), 20)) {
                errors.putIfAbsent("measures", "study.eligibility.measure-label");
            } else if (measure.min() != null && measure.max() != null && measure.min() > measure.max()) {
                errors.putIfAbsent("measures", "study.eligibility.measure-range");
            }
        }
        Set<String> criteria = new HashSet<>();
        for (EligibilityCriterion criterion : model.criteria()) {
            if (criterion.code() == null || !criterion.code().matches(CRITERION_CODE)) {
                errors.putIfAbsent("criteria", "study.eligibility.criterion-code");
            } else if (!criteria.add(criterion.code())) {
                errors.putIfAbsent("criteria", "study.eligibility.criterion-duplicate");
            }
            if (criterion.kind() == null || blankOrLonger(criterion.text(), TEXT_MAX_LENGTH)
                    || longer(criterion.textZh(), TEXT_MAX_LENGTH)) {
                errors.putIfAbsent("criteria", "study.eligibility.criterion-text");
            }
            String ruleError = ruleError(criterion.rule(), measures);
            if (ruleError != null) {
                errors.putIfAbsent("criteria", ruleError);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** A rule names only the study's measures, and compares a yes/no measure only with 1 (yes) or 0 (no). */
    private static @Nullable String ruleError(@Nullable CriterionRule rule, Map<String, ScreeningMeasure> measures) {
        if (rule == null) {
            return null;
        }
        if (rule.combination() == null || rule.conditions() == null || rule.conditions().isEmpty()) {
            return "study.eligibility.rule-empty";
        }
        for (CriterionRule.Condition condition : rule.conditions()) {
            ScreeningMeasure measure = measures.get(condition.measure());
            if (measure == null || condition.operator() == null) {
                return "study.eligibility.rule-measure";
            }
            if (!Double.isFinite(condition.threshold()) || measure.type() == MeasureType.YES_NO
                    && condition.threshold() != 0 && condition.threshold() != 1) {
                return "study.eligibility.rule-threshold";
            }
        }
        return null;
    }

    static void randomisation(RandomisationPlan plan, List<Arm> arms) {
        Map<String, String> errors = new HashMap<>();
        Set<String> armCodes = new HashSet<>();
        arms.forEach(a -> armCodes.add(a.code()));
        if (!plan.ratio().keySet().equals(armCodes)
                || !plan.ratio().values().stream().allMatch(share -> share != null && share >= 1 && share <= 10)) {
            errors.put("ratio", "study.randomisation.ratio");
        }
        if (plan.blockMultiples().isEmpty()
                || !plan.blockMultiples().stream().allMatch(m -> m != null && m >= 1 && m <= 10)) {
            errors.put("blockMultiples", "study.randomisation.blocks");
        }
        Set<String> factors = new HashSet<>();
        for (RandomisationPlan.StratificationFactor factor : plan.strata()) {
            boolean valid = factor.code() != null && factor.code().matches(CODE) && factors.add(factor.code())
                    && !blankOrLonger(factor.label(), LABEL_MAX_LENGTH) && !longer(factor.labelZh(), LABEL_MAX_LENGTH)
                    && factor.levels().size() >= 2 && factor.levels().size() <= 12
                    && factor.levels().stream().allMatch(l -> l != null && l.matches(LEVEL))
                    && new HashSet<>(factor.levels()).size() == factor.levels().size();
            if (!valid) {
                errors.put("strata", "study.randomisation.strata");
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    static void schedule(List<Timepoint> schedule) {
        Set<String> codes = new HashSet<>();
        for (Timepoint t : schedule) {
            boolean valid = t.code() != null && t.code().matches("[a-z][a-z0-9_]{0,23}") && codes.add(t.code())
                    && !blankOrLonger(t.label(), LABEL_MAX_LENGTH) && !longer(t.labelZh(), LABEL_MAX_LENGTH)
                    && t.dayOffset() >= 0 && t.windowBefore() >= 0 && t.windowAfter() >= 0
                    && t.dayOffset() <= 3650 && t.windowBefore() <= 365 && t.windowAfter() <= 365
                    && t.instruments() != null && !t.instruments().isEmpty()
                    && t.instruments().stream().allMatch(i -> i != null && i.matches(CODE))
                    && new HashSet<>(t.instruments()).size() == t.instruments().size()
                    && t.instruments().containsAll(t.completedByParticipant());
            if (!valid) {
                throw ValidationException.of("schedule", "study.schedule.invalid");
            }
        }
    }

    private static boolean blankOrLonger(@Nullable String value, int max) {
        return value == null || value.isBlank() || value.length() > max;
    }

    private static boolean longer(@Nullable String value, int max) {
        return value != null && value.length() > max;
    }
}
