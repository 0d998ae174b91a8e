package org.forecastsql.engine.neural;

import java.util.Arrays;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;

/**
 * A training series' stored tail: key, last time stamp, its last values and relative-covariate
 * history (other covariates are read only at the target period, so their past is not kept).
 */
record NeuralTail(String key, long lastTime, double[] values, double[][] covariates) {

    static NeuralTail of(SeriesFrame f, NeuralInputs inputs) {
        int keep = Math.min(f.n(), inputs.historyNeeded());
        int from = f.n() - keep;
        FeatureSpec spec = inputs.spec;
        double[][] cov = new double[spec.covariates().size()][];
        for (int c = 0; c < cov.length; c++) {
            cov[c] = spec.keepsHistory(c) ? Arrays.copyOfRange(f.covariates()[c], from, f.n()) : null;
        }
        long last = f.n() > 0 ? f.times()[f.n() - 1] : 0;
        return new NeuralTail(f.key(), last, Arrays.copyOfRange(f.values(), from, f.n()), cov);
    }

    /**
     * The tail as a frame extended by {@code h} future periods (history stamps are never read:
     * only targets' are, so they are reconstructed one period apart). Missing future covariates
     * become NaN, which the forecast rejects by name.
     */
    SeriesFrame frame(int h, double[][] futureCovariates, long[] futureTimes) {
        int n = values.length;
        long[] times = new long[n + h];
        for (int t = 0; t < n; t++) {
            times[t] = lastTime - (n - 1 - t);
        }
        System.arraycopy(futureTimes, 0, times, n, h);
        double[][] cov = new double[covariates.length][n + h];
        for (int c = 0; c < covariates.length; c++) {
            if (covariates[c] != null) {
                System.arraycopy(covariates[c], 0, cov[c], 0, n);
            } else {
                Arrays.fill(cov[c], 0, n, Double.NaN);
            }
            for (int k = 0; k < h; k++) {
                double[] fc = futureCovariates == null || c >= futureCovariates.length ? null : futureCovariates[c];
                cov[c][n + k] = fc == null || k >= fc.length ? Double.NaN : fc[k];
            }
        }
        return new SeriesFrame(key, times, values, cov);
    }
}
