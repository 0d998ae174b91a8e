package org.forecastsql.examples;

import java.util.SplittableRandom;

/**
 * Random variates for count data from a {@link SplittableRandom}: standard normal, gamma, Poisson
 * and the negative binomial as a gamma-mixed Poisson. Static kernels; deterministic for a given
 * generator state.
 */
final class CountSampler {

    /** Exact log(k!) for k = 0..9; larger k use Stirling's series. */
    private static final double[] LOG_FACTORIAL = new double[10];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
        }
    }

    private CountSampler() {
    }

    /** Standard normal by Marsaglia's polar method (one of the pair is discarded for simplicity). */
    static double normal(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2.0 * rng.nextDouble() - 1.0;
            v = 2.0 * rng.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        return u * Math.sqrt(-2.0 * Math.log(s) / s);
    }

    /**
     * Gamma(shape, scale 1) by Marsaglia and Tsang (2000), "A simple method for generating gamma
     * variables": with {@code d = a - 1/3}, {@code c = 1/sqrt(9d)}, accept {@code d(1+cZ)^3} when
     * {@code log U < Z^2/2 + d - d v + d log v}; shapes below 1 use {@code Gamma(a+1) U^(1/a)}.
     */
    static double gamma(SplittableRandom rng, double shape) {
        if (shape < 1.0) {
            double u = rng.nextDouble();
            return gamma(rng, shape + 1.0) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z = normal(rng);
            double v = 1.0 + c * z;
            if (v <= 0.0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /**
     * Poisson(mean): multiplication of uniforms (Knuth) below mean 30, else the transformed
     * rejection method PTRS of Hörmann (1993), "The transformed rejection method for generating
     * Poisson random variables", with the constants numpy's {@code random_poisson_ptrs} uses.
     */
    static int poisson(SplittableRandom rng, double mean) {
        if (!(mean > 0.0)) {
            return 0;
        }
        if (mean < 30.0) {
            double limit = Math.exp(-mean);
            double product = rng.nextDouble();
            int k = 0;
            while (product > limit) {
                product *= rng.nextDouble();
                k++;
            }
            return k;
        }
        double slam = Math.sqrt(mean);
        double loglam = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return (int) k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * loglam - logFactorial(k)) {
                return (int) k;
            }
        }
    }

    /**
     * Negative binomial with the given mean and size {@code r} (variance {@code mean + mean^2/r}),
     * drawn as Poisson({@code mean * G}) with {@code G ~ Gamma(r, 1/r)}.
     */
    static int negativeBinomial(SplittableRandom rng, double mean, double size) {
        return poisson(rng, mean * gamma(rng, size) / size);
    }

    /**
     * log(k!): exact below 10, else Stirling's series
     * {@code k ln k - k + ln(2 pi k)/2 + 1/(12k) - 1/(360k^3) + 1/(1260k^5)} (error below 1e-10).
     */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        double x = k;
        double x2 = x * x;
        return x * Math.log(x) - x + 0.5 * Math.log(2.0 * Math.PI * x)
                + 1.0 / (12.0 * x) - 1.0 / (360.0 * x * x2) + 1.0 / (1260.0 * x * x2 * x2);
    }
}
