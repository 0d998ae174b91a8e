package org.forecastsql.engine.baseline;

import org.forecastsql.engine.stats.Distributions;

/**
 * The mean method, as R's {@code forecast::meanf}: the forecast is the sample mean, the
 * interval {@code mean ± qt(0.5 + level/200, n - 1) · s · sqrt(1 + 1/n)} with {@code s} the
 * sample standard deviation.
 */
public final class MeanKernel {
    private MeanKernel() {
    }

    public static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }

    /** Sample standard deviation (denominator n - 1); 0 for a single observation. */
    public static double sd(double[] y, double mean) {
        if (y.length < 2) {
            return 0;
        }
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (y.length - 1));
    }

    /** Half-width of the interval at {@code level} percent. */
    public static double halfWidth(double sd, int n, double level) {
        if (n < 2) {
            return 0;
        }
        return Distributions.studentTQuantile(0.5 + level / 200, n - 1) * sd * Math.sqrt(1 + 1.0 / n);
    }
}
