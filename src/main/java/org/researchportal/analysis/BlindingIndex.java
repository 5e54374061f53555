package org.researchportal.analysis;

import java.util.Optional;

/**
 * The two blinding indexes, computed from the assessors' guesses of the arm, as published.
 *
 * <p><b>Bang's index</b> (Bang, Ni &amp; Davis 2004, Controlled Clinical Trials 25:143-156), one per arm, in the 2x3
 * format with "don't know" answers: of the {@code n} guesses about the arm's participants, {@code c} named their own
 * arm (correct), {@code i} another arm (incorrect) and {@code d} did not know. With {@code pc = c/n} and
 * {@code pi = i/n},
 * <pre>
 *   BI  = (2 * c/(c+i) - 1) * (c+i)/n  =  pc - pi
 *   Var = [pc(1-pc) + pi(1-pi) + 2 pc pi] / n  =  [(pc+pi) - (pc-pi)^2] / n
 * </pre>
 * (the multinomial variance of a difference of two proportions), with the normal 95% interval BI +/- 1.96 SE. It
 * runs from -1 to 1: near 0 the guesses are no better than chance (or "don't know"), towards 1 more are right than
 * chance allows (unblinding), towards -1 more are wrong (opposite guessing); judged by whether the interval covers 0.
 * With more than two arms "another arm" is any arm but the participant's own.
 *
 * <p><b>James' index</b> (James, Bloch, Lee, Kraemer &amp; Fuller 1996, Statistics in Medicine 15:1421-1434), one for
 * the study, defined for two arms: a weighted kappa over the 2x3 table of guess (arm 1, arm 2, don't know) by arm,
 * with James' weights: a correct guess 0, an incorrect one 0.5, "don't know" 1. With {@code p_gj} the share of all
 * {@code n} guesses that guessed {@code g} of a participant of arm {@code j}, {@code pdk} the share of "don't know",
 * {@code r_g = p_g1 + p_g2} (a named arm guessed) and {@code c_j = p_1j + p_2j} (arm {@code j}'s named guesses),
 * summing over {@code g, j} in {1, 2}:
 * <pre>
 *   Po = sum w_gj p_gj / (1 - pdk),   Pe = sum w_gj r_g c_j / (1 - pdk)^2,   k = (Po - Pe) / Pe
 *   BI = (1 + pdk + (1 - pdk) k) / 2
 *   Var = (V1 + V2) / n, where
 *     V1 = sum p_gj (1-pdk)^2 [(1-pdk) w_gj - (1+k) sum_r (w_rj r_r + w_gr c_r)]^2 / (4 [sum w_gj r_g c_j]^2)
 *     V2 = pdk (1-pdk) - (1-pdk)(1+k)(pdk + (1-pdk)(1+k)/4)
 * </pre>
 * as the R package BI (Schwartz &amp; Mercaldo, after Bang) computes it, with the normal 95% interval. It runs from 0
 * (complete unblinding) through 0.5 (random guessing) to 1 (complete blinding, everyone "don't know", where it is 1
 * with no variance); an interval whose upper bound is below 0.5 shows a lack of blinding.
 */
public final class BlindingIndex {

    /** The normal quantile of a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;
    /** James' weights: a correct guess, an incorrect one; "don't know" weighs 1. */
    private static final double[][] JAMES_WEIGHTS = {{0, 0.5}, {0.5, 0}};

    private BlindingIndex() {
    }

    /** An index with its standard error and 95% interval. */
    public record Estimate(double value, double standardError, double low, double high) {

        static Estimate of(double value, double standardError) {
            return new Estimate(value, standardError, value - Z95 * standardError, value + Z95 * standardError);
        }

        public boolean covers(double value) {
            return low <= value && value <= high;
        }
    }

    /** Bang's index of one arm; none when no guess was made about its participants. */
    public static Optional<Estimate> bang(int correct, int incorrect, int dontKnow) {
        int n = correct + incorrect + dontKnow;
        if (n == 0) {
            return Optional.empty();
        }
        double pc = (double) correct / n;
        double pi = (double) incorrect / n;
        double variance = (pc * (1 - pc) + pi * (1 - pi) + 2 * pc * pi) / n;
        return Optional.of(Estimate.of(pc - pi, Math.sqrt(Math.max(0, variance))));
    }

    /**
     * James' index of a two-arm study from its 3x2 table: {@code table[g][j]} counts the guesses {@code g} (0: the
     * first arm, 1: the second, 2: don't know) about participants of arm {@code j}. None when there are no guesses or
     * the expected disagreement is nil (every named guess about one arm's participants, all naming it), where kappa
     * is undefined.
     */
    public static Optional<Estimate> james(int[][] table) {
        int n = 0;
        for (int[] row : table) {
            for (int count : row) {
                n += count;
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        double[][] p = new double[3][2];
        for (int g = 0; g < 3; g++) {
            for (int j = 0; j < 2; j++) {
                p[g][j] = (double) table[g][j] / n;
            }
        }
        double pdk = p[2][0] + p[2][1];
        if (pdk >= 1) {
            return Optional.of(Estimate.of(1, 0));
        }
        double[] r = {p[0][0] + p[0][1], p[1][0] + p[1][1]};
        double[] c = {p[0][0] + p[1][0], p[0][1] + p[1][1]};
        double observed = 0;
        double expected = 0;
        for (int g = 0; g < 2; g++) {
            for (int j = 0; j < 2; j++) {
                observed += JAMES_WEIGHTS[g][j] * p[g][j];
                expected += JAMES_WEIGHTS[g][j] * r[g] * c[j];
            }
        }
        if (expected <= 0) {
            return Optional.empty();
        }
        double named = 1 - pdk;
        double po = observed / named;
        double pe = expected / (named * named);
        double kappa = (po - pe) / pe;
        double index = (1 + pdk + named * kappa) / 2;
        double v1 = 0;
        for (int g = 0; g < 2; g++) {
            for (int j = 0; j < 2; j++) {
                double margins = 0;
                for (int s = 0; s < 2; s++) {
                    margins += JAMES_WEIGHTS[s][j] * r[s] + JAMES_WEIGHTS[g][s] * c[s];
                }
                double term = named * JAMES_WEIGHTS[g][j] - (1 + kappa) * margins;
                v1 += p[g][j] * named * named * term * term;
            }
        }
        v1 /= 4 * expected * expected;
        double v2 = pdk * named - named * (1 + kappa) * (pdk + named * (1 + kappa) / 4);
        return Optional.of(Estimate.of(index, Math.sqrt(Math.max(0, (v1 + v2) / n))));
    }
}
