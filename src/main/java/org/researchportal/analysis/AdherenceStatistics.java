package org.researchportal.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The summary of a share (0 to 1) over an arm's participants: n, mean and its sample standard deviation (n - 1; none
 * for fewer than two), and the median (the middle value, or the mean of the two middle ones).
 */
public record AdherenceStatistics(int n, @Nullable Double mean, @Nullable Double sd, @Nullable Double median) {

    static AdherenceStatistics of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new AdherenceStatistics(0, null, null, null);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        Double sd = n < 2 ? null
                : Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1));
        List<Double> sorted = values.stream().sorted().toList();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new AdherenceStatistics(n, mean, sd, median);
    }
}
