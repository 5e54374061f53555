package org.researchportal.study;

import java.util.List;
import java.util.Map;

/**
 * How a study randomises: permuted blocks with the arms in a ratio (1:1 by default), block sizes drawn at random from
 * multiples of the ratio's sum (RE-MS: 1:1 with blocks of 2 and 4), and optional stratification factors.
 *
 * @param ratio arm code to its share, e.g. EXERCISE=1, CONTROL=1
 * @param blockMultiples block sizes as multiples of the ratio's sum; {1, 2} with 1:1 gives blocks of 2 and 4
 */
public record RandomisationPlan(Map<String, Integer> ratio, List<Integer> blockMultiples,
        List<StratificationFactor> strata) {

    public record StratificationFactor(String code, String label, String labelZh, List<String> levels) {}

    /** The same plan with another ratio (e.g. for another study's arms). */
    public RandomisationPlan withRatio(Map<String, Integer> otherRatio) {
        return new RandomisationPlan(otherRatio, blockMultiples, strata);
    }

    public int ratioSum() {
        return ratio.values().stream().mapToInt(Integer::intValue).sum();
    }
}
