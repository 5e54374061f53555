package org.researchportal.study;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a criterion is computed from screening measures: all or any of a few comparisons, e.g. "BPI worst pain >= 3 OR
 * any risk factor present". Yes/no measures compare as 1 (yes) and 0 (no).
 */
public record CriterionRule(Combination combination, List<Condition> conditions) {

    public enum Combination {
        ALL, ANY
    }

    public enum Operator {
        LESS_THAN, AT_MOST, EQUALS, AT_LEAST, GREATER_THAN;

        boolean holds(double value, double threshold) {
            return switch (this) {
                case LESS_THAN -> value < threshold;
                case AT_MOST -> value <= threshold;
                case EQUALS -> value == threshold;
                case AT_LEAST -> value >= threshold;
                case GREATER_THAN -> value > threshold;
            };
        }
    }

    public record Condition(String measure, Operator operator, double threshold) {}

    /**
     * Evaluates the rule. Answers empty while a measure the result depends on is missing; an ANY rule is already
     * true when one entered measure satisfies it, whatever is still missing.
     */
    public Optional<Boolean> evaluate(Map<String, Double> measures) {
        boolean missing = false;
        for (Condition condition : conditions) {
            Double value = measures.get(condition.measure());
            if (value == null) {
                missing = true;
                continue;
            }
            boolean holds = condition.operator().holds(value, condition.threshold());
            if (combination == Combination.ANY && holds) {
                return Optional.of(true);
            }
            if (combination == Combination.ALL && !holds) {
                return Optional.of(false);
            }
        }
        return missing ? Optional.empty() : Optional.of(combination == Combination.ALL);
    }
}
