package org.researchportal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The exact Poisson interval against published values: the chi-square quantiles of the standard tables (e.g.
 * χ²(0.975; 4) = 11.143, χ²(0.025; 20) = 9.591, χ²(0.975; 22) = 36.781) halved, as the exact limits for a Poisson
 * count are tabulated (Garwood 1936; Ulm 1990, Am J Epidemiol 131:373).
 */
class PoissonIntervalTests {

    @Test
    void theExactLimitsAreThePublishedOnes() {
        double[][] published = {
                {0, 0, 3.689}, {1, 0.0253, 5.572}, {2, 0.242, 7.225}, {3, 0.619, 8.767}, {5, 1.623, 11.668},
                {10, 4.795, 18.390}, {20, 12.217, 30.888}};
        for (double[] row : published) {
            PoissonInterval interval = PoissonInterval.exact95((int) row[0]);
            assertThat(interval.low()).as("lower limit for %d events", (int) row[0]).isCloseTo(row[1], within(6e-4));
            assertThat(interval.high()).as("upper limit for %d events", (int) row[0]).isCloseTo(row[2],
                    within(6e-4));
        }
    }

    @Test
    void theChiSquareQuantilesOfTheTablesComeFromTheGammaDistribution() {
        // chi-square(p; 2n) = 2 x gamma(p; shape n, scale 1)
        assertThat(2 * PoissonInterval.gammaQuantile(2, 0.975)).isCloseTo(11.143, within(1e-3));
        assertThat(2 * PoissonInterval.gammaQuantile(10, 0.025)).isCloseTo(9.591, within(1e-3));
        assertThat(2 * PoissonInterval.gammaQuantile(11, 0.975)).isCloseTo(36.781, within(1e-3));
        assertThat(2 * PoissonInterval.gammaQuantile(1, 0.95)).isCloseTo(5.991, within(1e-3));
        // With no event the limits have a closed form: 0 and -ln(0.025).
        assertThat(PoissonInterval.exact95(0).high()).isCloseTo(-Math.log(0.025), within(1e-9));
        assertThat(PoissonInterval.exact95(1).low()).isCloseTo(-Math.log(0.975), within(1e-9));
    }

    @Test
    void aRateIntervalIsTheCountIntervalOverTheExposure() {
        PoissonInterval perThousand = PoissonInterval.exact95(3).times(1000.0 / 96);
        assertThat(perThousand.low()).isCloseTo(6.4445, within(1e-3));
        assertThat(perThousand.high()).isCloseTo(91.326, within(1e-2));
    }
}
