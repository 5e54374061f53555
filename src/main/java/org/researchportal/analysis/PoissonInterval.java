package org.researchportal.analysis;

/**
 * The exact (Garwood 1936) confidence interval of a Poisson count: for {@code k} events observed, the lower bound is
 * half the chi-square quantile at {@code α/2} on {@code 2k} degrees of freedom (0 when no event was seen) and the upper
 * bound half the quantile at {@code 1 − α/2} on {@code 2k + 2}. Half a chi-square quantile on {@code 2n} degrees of
 * freedom is the quantile of the gamma distribution of shape {@code n} and scale 1, so the bounds are computed as
 * gamma quantiles: the regularised incomplete gamma function (its series below {@code a + 1}, its continued fraction
 * above, as in Numerical Recipes §6.2) inverted by bisection. Dividing by the exposure makes it a rate's interval.
 */
public record PoissonInterval(double low, double high) {

    /** The 95% interval of {@code events} observed. */
    public static PoissonInterval exact95(int events) {
        return exact(events, 0.95);
    }

    public static PoissonInterval exact(int events, double confidence) {
        if (events < 0 || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("events " + events + ", confidence " + confidence);
        }
        double alpha = 1 - confidence;
        double low = events == 0 ? 0 : gammaQuantile(events, alpha / 2);
        double high = gammaQuantile(events + 1, 1 - alpha / 2);
        return new PoissonInterval(low, high);
    }

    /** The interval scaled, e.g. to a rate per 1,000 participant-days: both bounds times {@code factor}. */
    public PoissonInterval times(double factor) {
        return new PoissonInterval(low * factor, high * factor);
    }

    /** The {@code p} quantile of the gamma distribution of shape {@code a} and scale 1. */
    static double gammaQuantile(double a, double p) {
        double low = 0;
        double high = Math.max(1, a);
        while (regularisedGammaP(a, high) < p) {
            low = high;
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-13 * Math.max(1, high); i++) {
            double middle = (low + high) / 2;
            if (regularisedGammaP(a, middle) < p) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** P(a, x): the regularised lower incomplete gamma function, the gamma distribution's cumulative probability. */
    static double regularisedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        double logPrefix = -x + a * Math.log(x) - logGamma(a);
        if (x < a + 1) {
            // The series: sum of x^n / (a (a+1) ... (a+n)).
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 1000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return sum * Math.exp(logPrefix);
        }
        // The continued fraction for Q(a, x) = 1 - P(a, x), evaluated by the modified Lentz method.
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return 1 - Math.exp(logPrefix) * h;
    }

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    /** ln Γ(a) for a > 0, by Lanczos' approximation (g = 7, nine terms; about 15 significant digits). */
    static double logGamma(double a) {
        if (a < 0.5) {
            // Reflection: Γ(a) Γ(1 − a) = π / sin(πa).
            return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
        }
        double x = a - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
