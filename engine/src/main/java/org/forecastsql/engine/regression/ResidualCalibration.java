package org.forecastsql.engine.regression;

import java.util.Arrays;

/**
 * Collects residuals {@code z - zhat} (transformed scale) with their horizon step and series level
 * {@code log(s_o)}, and turns them into the interval state of a {@link DirectForecastModel}: level
 * cuts (terciles of {@code log(s_o)} when there are at least {@code 9 · MIN_COUNT · H} residuals,
 * else none) and a {@link ResidualQuantiles} grid per level bucket and step (a sparse cell falls
 * back to its step's pooled residuals, a sparse step to all residuals). Not thread-safe.
 */
final class ResidualCalibration {
    private final int horizon;
    private final double[][] residual;
    private final double[][] level;
    private final int[] count;

    /** The interval state: {@code cuts} and {@code quantiles[levelBucket][step - 1][grid]}. */
    record Grids(double[] cuts, double[][][] quantiles) {
    }

    ResidualCalibration(int horizon) {
        this.horizon = horizon;
        this.residual = new double[horizon][256];
        this.level = new double[horizon][256];
        this.count = new int[horizon];
    }

    void add(int step, double residual, double logScale) {
        int k = step - 1;
        int c = count[k]++;
        if (c == this.residual[k].length) {
            this.residual[k] = Arrays.copyOf(this.residual[k], 2 * c);
            this.level[k] = Arrays.copyOf(this.level[k], 2 * c);
        }
        this.residual[k][c] = residual;
        this.level[k][c] = logScale;
    }

    Grids grids() {
        int h = horizon;
        int all = Arrays.stream(count).sum();
        double[] levels = new double[all];
        double[] pooledAll = new double[all];
        int at = 0;
        for (int k = 0; k < h; k++) {
            System.arraycopy(level[k], 0, levels, at, count[k]);
            System.arraycopy(residual[k], 0, pooledAll, at, count[k]);
            at += count[k];
        }
        Arrays.sort(levels);
        double[] cuts = all >= 3 * 3 * ResidualQuantiles.MIN_COUNT * h
                ? new double[] {levels[all / 3], levels[2 * all / 3]}
                : new double[0];
        double[] fallback = all > 0 ? ResidualQuantiles.grid(pooledAll, all) : new double[ResidualQuantiles.GRID];
        double[][][] quantiles = new double[cuts.length + 1][h][];
        for (int k = 0; k < h; k++) {
            double[] stepGrid = count[k] >= ResidualQuantiles.MIN_COUNT
                    ? ResidualQuantiles.grid(Arrays.copyOf(residual[k], count[k]), count[k]) : fallback;
            for (int l = 0; l <= cuts.length; l++) {
                double[] cell = new double[count[k]];
                int m = 0;
                for (int c = 0; c < count[k]; c++) {
                    if (DirectForecastModel.levelBucket(cuts, level[k][c]) == l) {
                        cell[m++] = residual[k][c];
                    }
                }
                quantiles[l][k] = m >= ResidualQuantiles.MIN_COUNT ? ResidualQuantiles.grid(cell, m) : stepGrid;
            }
        }
        return new Grids(cuts, quantiles);
    }
}
