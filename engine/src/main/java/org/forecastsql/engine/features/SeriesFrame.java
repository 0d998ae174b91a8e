package org.forecastsql.engine.features;

import java.util.Objects;

/**
 * One series as the feature builder reads it: {@code n} observed values and {@code n + f} time
 * stamps and covariate values, where the last {@code f} periods are the future (their targets are
 * unknown; their covariates must be known to forecast them).
 *
 * @param key        the series' key (selects series-bound holidays), may be null
 * @param times      time stamps, ascending, regular, length {@code n + f}
 * @param values     observed targets, length {@code n}, NaN-free
 * @param covariates {@code covariates[c][t]}, each of length {@code times.length}, in the order of
 *                   {@link FeatureSpec#covariates()}; NaN marks a missing value
 */
public record SeriesFrame(String key, long[] times, double[] values, double[][] covariates) {
    public SeriesFrame {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(values, "values");
        covariates = covariates == null ? new double[0][] : covariates;
        if (times.length < values.length) {
            throw new IllegalArgumentException("series '" + key + "': " + times.length
                    + " time stamps for " + values.length + " values");
        }
        for (int c = 0; c < covariates.length; c++) {
            if (covariates[c].length != times.length) {
                throw new IllegalArgumentException("series '" + key + "': covariate " + c + " has "
                        + covariates[c].length + " values for " + times.length + " time stamps");
            }
        }
    }

    /** Number of observed values. */
    public int n() {
        return values.length;
    }
}
