package org.forecastsql.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CountSamplerTest {

    private static final int DRAWS = 200_000;

    @Test
    void logFactorialMatchesR() {
        // R 4.2.2: lfactorial(c(9, 10, 25, 100, 5000))
        assertEquals(12.801827480081469, CountSampler.logFactorial(9), 1e-12);
        assertEquals(15.104412573075519, CountSampler.logFactorial(10), 1e-10);
        assertEquals(58.003605222980511, CountSampler.logFactorial(25), 1e-10);
        assertEquals(363.73937555556347, CountSampler.logFactorial(100), 1e-9);
        assertEquals(37591.143508876768, CountSampler.logFactorial(5000), 1e-7);
    }

    @Test
    void poissonSmallMeanHasPoissonFrequencies() {
        SplittableRandom rng = new SplittableRandom(1);
        int[] counts = new int[4];
        for (int i = 0; i < DRAWS; i++) {
            int k = CountSampler.poisson(rng, 3.0);
            if (k < counts.length) {
                counts[k]++;
            }
        }
        // R 4.2.2: dpois(0:3, 3)
        double[] expected = {0.049787068367863944, 0.149361205103591854, 0.224041807655387726, 0.224041807655387781};
        for (int k = 0; k < expected.length; k++) {
            double se = Math.sqrt(expected[k] * (1 - expected[k]) / DRAWS);
            assertEquals(expected[k], counts[k] / (double) DRAWS, 5 * se, "P(X=" + k + ")");
        }
    }

    @Test
    void poissonLargeMeanHasMeanAndVarianceEqualToLambda() {
        for (double lambda : new double[] {30.0, 250.0, 12_000.0}) {
            double[] moments = moments(new SplittableRandom(7), i -> CountSampler.poisson(i, lambda));
            assertEquals(lambda, moments[0], 5 * Math.sqrt(lambda / DRAWS), "mean at " + lambda);
            assertEquals(lambda, moments[1], 0.03 * lambda, "variance at " + lambda);
        }
    }

    @Test
    void negativeBinomialHasOverdispersedVariance() {
        double mean = 20.0;
        double size = 4.0;
        double[] moments = moments(new SplittableRandom(11), i -> CountSampler.negativeBinomial(i, mean, size));
        double variance = mean + mean * mean / size;
        assertEquals(mean, moments[0], 5 * Math.sqrt(variance / DRAWS));
        assertEquals(variance, moments[1], 0.05 * variance);
    }

    @Test
    void gammaHasShapeAsMeanAndVarianceForSmallAndLargeShapes() {
        for (double shape : new double[] {0.8, 3.0, 25.0}) {
            SplittableRandom rng = new SplittableRandom(3);
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < DRAWS; i++) {
                double g = CountSampler.gamma(rng, shape);
                assertTrue(g > 0);
                sum += g;
                sumSq += g * g;
            }
            double m = sum / DRAWS;
            double v = sumSq / DRAWS - m * m;
            assertEquals(shape, m, 5 * Math.sqrt(shape / DRAWS), "mean at shape " + shape);
            assertEquals(shape, v, 0.05 * shape, "variance at shape " + shape);
        }
    }

    private interface Draw {
        int next(SplittableRandom rng);
    }

    private static double[] moments(SplittableRandom rng, Draw draw) {
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < DRAWS; i++) {
            int k = draw.next(rng);
            assertTrue(k >= 0);
            sum += k;
            sumSq += (double) k * k;
        }
        double m = sum / DRAWS;
        return new double[] {m, sumSq / DRAWS - m * m};
    }
}
