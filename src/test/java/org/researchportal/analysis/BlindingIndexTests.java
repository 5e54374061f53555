package org.researchportal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The blinding indexes against tables worked by hand from the published formulas (see {@link BlindingIndex}). */
class BlindingIndexTests {

    private static final double EXACT = 1e-9;

    /**
     * Bang's index of one arm: 6 correct, 2 incorrect, 2 don't know (n = 10). pc = 0.6, pi = 0.2, BI = 0.6 - 0.2 =
     * 0.4 (also (2 * 6/8 - 1) * 8/10 = 0.5 * 0.8 = 0.4); Var = [0.6 * 0.4 + 0.2 * 0.8 + 2 * 0.6 * 0.2] / 10 = [0.24 +
     * 0.16 + 0.24] / 10 = 0.064, SE = 0.252982; interval 0.4 +/- 1.959964 * 0.252982 = (-0.095837, 0.895837): it
     * covers 0.
     */
    @Test
    void bangsIndexOfOneArmAsWorkedByHand() {
        var bang = BlindingIndex.bang(6, 2, 2).orElseThrow();
        assertThat(bang.value()).isCloseTo(0.4, within(EXACT));
        assertThat(bang.standardError()).isCloseTo(Math.sqrt(0.064), within(EXACT));
        assertThat(bang.low()).isCloseTo(-0.095837, within(1e-6));
        assertThat(bang.high()).isCloseTo(0.895837, within(1e-6));
        assertThat(BlindingIndexes.reading(bang)).isEqualTo(BlindingReport.BangReading.RANDOM);
    }

    /**
     * The table the R package BI (and its Julia port) documents, guess by arm: guessed treatment 48 / 22, guessed
     * placebo 4 / 30, don't know 330 / 319. Treatment (n = 382): BI = (48 - 4)/382 = 0.115183; Var = [0.125654 *
     * 0.874346 + 0.010471 * 0.989529 + 2 * 0.125654 * 0.010471] / 382 = 0.122848 / 382, SE = 0.017933; interval
     * (0.080, 0.150), above 0. Placebo (n = 371): BI = (30 - 22)/371 = 0.021563, SE = 0.019, interval (-0.016, 0.060).
     * The package's published answers: 0.115 (0.08, 0.15) and 0.022 (-0.016, 0.06).
     */
    @Test
    void bangsIndexOfThePackagesExample() {
        var treatment = BlindingIndex.bang(48, 4, 330).orElseThrow();
        assertThat(treatment.value()).isCloseTo(44.0 / 382, within(EXACT));
        assertThat(treatment.standardError()).isCloseTo(0.017933, within(1e-6));
        assertThat(treatment.low()).isCloseTo(0.080, within(5e-4));
        assertThat(treatment.high()).isCloseTo(0.150, within(5e-4));
        assertThat(BlindingIndexes.reading(treatment)).isEqualTo(BlindingReport.BangReading.UNBLINDING);
        var placebo = BlindingIndex.bang(30, 22, 319).orElseThrow();
        assertThat(placebo.value()).isCloseTo(8.0 / 371, within(EXACT));
        assertThat(placebo.standardError()).isCloseTo(0.019, within(5e-4));
        assertThat(placebo.low()).isCloseTo(-0.016, within(5e-4));
        assertThat(placebo.high()).isCloseTo(0.060, within(5e-4));
    }

    /**
     * James' index of the same table: n = 753, pdk = 649/753 = 0.861886; among the named guesses, with weights 0
     * (correct) and 0.5 (incorrect): r = (70, 34)/753, c = (52, 52)/753. Po = 0.5 * (22 + 4)/753 / (104/753) = 0.125;
     * Pe = 0.5 * (70 * 52 + 34 * 52)/753^2 / (104/753)^2 = 0.5 * 5408/10816 = 0.25; kappa = (0.125 - 0.25)/0.25 =
     * -0.5; BI = (1 + 0.861886 + 0.138114 * -0.5)/2 = 0.896414. The variance by James' formula gives SE = 0.010918,
     * interval (0.875016, 0.917812). The package's published answer: 0.896 (0.875, 0.918).
     */
    @Test
    void jamesIndexOfThePackagesExample() {
        var james = BlindingIndex.james(new int[][] {{48, 22}, {4, 30}, {330, 319}}).orElseThrow();
        assertThat(james.value()).isCloseTo((1 + 649.0 / 753 - 0.5 * 104.0 / 753) / 2, within(EXACT));
        assertThat(james.value()).isCloseTo(0.896414, within(1e-6));
        assertThat(james.standardError()).isCloseTo(0.010918, within(1e-6));
        assertThat(james.low()).isCloseTo(0.875, within(5e-4));
        assertThat(james.high()).isCloseTo(0.918, within(5e-4));
    }

    /**
     * A small table by hand: arm A 6 correct, 2 guessed B, 2 don't know; arm B 3 correct, 1 guessed A, 6 don't know
     * (n = 20). pdk = 8/20 = 0.4; p(guessed A) = 7/20 = 0.35, p(guessed B) = 5/20 = 0.25; named about A = 8/20 = 0.4,
     * about B = 4/20 = 0.2. Po = 0.5 * (1 + 2)/20 / 0.6 = 0.125; Pe = 0.5 * (0.35 * 0.2 + 0.25 * 0.4) / 0.36 =
     * 0.236111; kappa = (0.125 - 0.236111)/0.236111 = -0.470588; BI = (1 + 0.4 + 0.6 * -0.470588)/2 = 0.558824.
     * Variance: V1 = 0.161911, V2 = 0.24 - 0.6 * 0.529412 * (0.4 + 0.6 * 0.529412 / 4) = 0.087716, SE = sqrt(0.249627
     * / 20) = 0.111720; interval (0.339856, 0.777791): the upper bound is not below 0.5.
     */
    @Test
    void jamesIndexOfASmallTableAsWorkedByHand() {
        var james = BlindingIndex.james(new int[][] {{6, 1}, {2, 3}, {2, 6}}).orElseThrow();
        assertThat(james.value()).isCloseTo(0.558824, within(1e-6));
        assertThat(james.standardError()).isCloseTo(0.111720, within(1e-6));
        assertThat(james.low()).isCloseTo(0.339856, within(1e-6));
        assertThat(james.high()).isCloseTo(0.777791, within(1e-6));
    }

    @Test
    void noGuessesGiveNoIndex() {
        assertThat(BlindingIndex.bang(0, 0, 0)).isEmpty();
        assertThat(BlindingIndex.james(new int[3][2])).isEmpty();
    }

    /** Everyone "don't know": Bang's index is 0 with no spread (random), James' is 1, complete blinding. */
    @Test
    void allDontKnow() {
        var bang = BlindingIndex.bang(0, 0, 5).orElseThrow();
        assertThat(bang.value()).isZero();
        assertThat(bang.standardError()).isZero();
        assertThat(BlindingIndexes.reading(bang)).isEqualTo(BlindingReport.BangReading.RANDOM);
        var james = BlindingIndex.james(new int[][] {{0, 0}, {0, 0}, {3, 4}}).orElseThrow();
        assertThat(james.value()).isEqualTo(1.0);
        assertThat(james.standardError()).isZero();
    }

    /**
     * One arm without guesses: its Bang index is none; James' kappa has no expected disagreement when every named
     * guess is about one arm and names it (Pe = 0.5 * (1 * 0 + 0 * 1) = 0), so it is none too.
     */
    @Test
    void oneArmEmpty() {
        assertThat(BlindingIndex.bang(0, 0, 0)).isEmpty();
        assertThat(BlindingIndex.james(new int[][] {{4, 0}, {0, 0}, {1, 0}})).isEmpty();
    }

    /** All wrong: Bang's index is -1 with no spread, opposite guessing; all right is 1, unblinding. */
    @Test
    void allWrongAndAllRight() {
        var wrong = BlindingIndex.bang(0, 5, 0).orElseThrow();
        assertThat(wrong.value()).isEqualTo(-1.0);
        assertThat(BlindingIndexes.reading(wrong)).isEqualTo(BlindingReport.BangReading.OPPOSITE);
        var right = BlindingIndex.bang(5, 0, 0).orElseThrow();
        assertThat(right.value()).isEqualTo(1.0);
        assertThat(BlindingIndexes.reading(right)).isEqualTo(BlindingReport.BangReading.UNBLINDING);
        // Everyone guessed right in both arms: kappa = (0 - 0.25)/0.25 = -1, BI = (1 + 0 - 1)/2 = 0.
        var james = BlindingIndex.james(new int[][] {{5, 0}, {0, 5}, {0, 0}}).orElseThrow();
        assertThat(james.value()).isCloseTo(0, within(EXACT));
    }
}
