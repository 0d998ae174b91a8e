package org.forecastsql.engine.regression;

import java.util.Arrays;

/**
 * Empirical quantiles of residuals {@code z - zhat} (transformed scale) per horizon step and
 * series-level bucket, on the grid {@code p = 0.005, 0.010, ..., 0.995}; quantile type 7
 * (linear interpolation, R's default {@code quantile(type = 7)}). An interval of level {@code L}
 * is {@code [zhat + Q((1-L)/2), zhat + Q((1+L)/2)]}, interpolated linearly on the grid; a cell
 * with fewer than {@value #MIN_COUNT} residuals uses the pooled residuals of its step.
 */
final class ResidualQuantiles {
    static final int GRID = 199;
    static final int MIN_COUNT = 50;

    private ResidualQuantiles() {
    }

    static double probability(int g) {
        return (g + 1) / 200.0;
    }

    /** Type-7 quantiles of {@code r} (sorted in place) on the grid. */
    static double[] grid(double[] r, int count) {
        Arrays.sort(r, 0, count);
        double[] q = new double[GRID];
        for (int g = 0; g < GRID; g++) {
            double h = (count - 1) * probability(g);
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, count - 1);
            q[g] = r[lo] + (h - lo) * (r[hi] - r[lo]);
        }
        return q;
    }

    /** The quantile at probability {@code p}, interpolated on the grid (clamped to its ends). */
    static double at(double[] grid, double p) {
        double x = p * 200.0 - 1;
        if (x <= 0) {
            return grid[0];
        }
        if (x >= GRID - 1) {
            return grid[GRID - 1];
        }
        int lo = (int) Math.floor(x);
        return grid[lo] + (x - lo) * (grid[lo + 1] - grid[lo]);
    }
}
