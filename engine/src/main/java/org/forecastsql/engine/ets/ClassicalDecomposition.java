package org.forecastsql.engine.ets;

/**
 * Classical seasonal decomposition by moving averages, as R's {@code stats::decompose}.
 *
 * <p>The trend is the centred moving average of order m ({@code 2×m} with end weights 1/2m
 * when m is even), undefined (NaN) for the first and last {@code floor(m/2)} points. The
 * detrended series is {@code x − trend} (additive) or {@code x / trend} (multiplicative); the
 * seasonal figure at position i is the mean of the detrended values at positions
 * {@code i, i + m, ...} (counted from the first observation), centred to mean 0 (additive) or
 * normalised to mean 1 (multiplicative), and repeated along the series.
 */
public final class ClassicalDecomposition {
    private ClassicalDecomposition() {
    }

    /** The seasonal component, one value per observation; needs at least 2 full periods. */
    public static double[] seasonal(double[] x, int m, boolean multiplicative) {
        int n = x.length;
        if (m <= 1 || n < 2 * m) {
            throw new IllegalArgumentException("decompose needs a season > 1 and at least 2 periods");
        }
        double[] w;
        if (m % 2 == 0) {
            w = new double[m + 1];
            java.util.Arrays.fill(w, 1.0 / m);
            w[0] = 0.5 / m;
            w[m] = 0.5 / m;
        } else {
            w = new double[m];
            java.util.Arrays.fill(w, 1.0 / m);
        }
        int o = w.length / 2;
        double[] detrended = new double[n];
        for (int t = 0; t < n; t++) {
            if (t - o < 0 || t + o >= n) {
                detrended[t] = Double.NaN;
                continue;
            }
            // R's filter (convolution, sides = 2): sum_j w[j] * x[t + o - j]
            double tr = 0;
            for (int j = 0; j < w.length; j++) {
                tr += w[j] * x[t + o - j];
            }
            detrended[t] = multiplicative ? x[t] / tr : x[t] - tr;
        }
        double[] figure = new double[m];
        double mean = 0;
        for (int i = 0; i < m; i++) {
            double s = 0;
            int k = 0;
            for (int t = i; t < n; t += m) {
                if (!Double.isNaN(detrended[t])) {
                    s += detrended[t];
                    k++;
                }
            }
            figure[i] = s / k;
            mean += figure[i];
        }
        mean /= m;
        double[] seasonal = new double[n];
        for (int t = 0; t < n; t++) {
            double v = figure[t % m];
            seasonal[t] = multiplicative ? v / mean : v - mean;
        }
        return seasonal;
    }

    /** Intercept and slope of the least-squares line through {@code (t0 + i, y[i])}, i in [0, k) ({@code lsfit}). */
    public static double[] lineFit(double[] y, int k, double t0) {
        double mt = t0 + (k - 1) / 2.0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            my += y[i];
        }
        my /= k;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < k; i++) {
            double dt = t0 + i - mt;
            sxy += dt * (y[i] - my);
            sxx += dt * dt;
        }
        double slope = sxy / sxx;
        return new double[] {my - slope * mt, slope};
    }
}
