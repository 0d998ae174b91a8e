package org.forecastsql.engine.backtest;

import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * Rolling-origin evaluation: {@code folds} windows of {@code horizon} periods at the end of the
 * series. Window k (k = folds … 1) fits on the first {@code n − k·horizon} observations and is
 * scored on the next {@code horizon}; no window ever sees its own future. Windows whose training
 * part is shorter than the family's minimum length are skipped.
 */
public final class RollingOriginBacktest {
    /** The levels scored for coverage, whatever the model's own levels are. */
    static final double[] LEVELS = {80, 95};

    private RollingOriginBacktest() {
    }

    /**
     * The outcome: pooled accuracy over all windows that ran, how many ran, and each window's
     * forecast path ({@code means[w]} and the 95% half-widths {@code halfWidths95[w]}, NaN for a
     * window that did not run) at {@code origins[w]} (window w = 0 is the oldest).
     */
    public record Result(Accuracy accuracy, int windows, int[] origins, double[][] means, double[][] halfWidths95) {
    }

    /**
     * Runs the backtest of one family on one series.
     *
     * @param lowerBound forecasts are clipped below at this value (NaN: no clipping), as at forecast time
     */
    public static Result run(ModelFamily family, TrainingSeries series, int horizon, int folds, double lowerBound) {
        Accuracy acc = new Accuracy();
        int windows = 0;
        int n = series.length();
        int[] origins = new int[folds];
        double[][] means = new double[folds][horizon];
        double[][] half = new double[folds][horizon];
        for (double[] m : means) {
            java.util.Arrays.fill(m, Double.NaN);
        }
        for (double[] m : half) {
            java.util.Arrays.fill(m, Double.NaN);
        }
        for (int k = folds; k >= 1; k--) {
            int origin = n - k * horizon;
            origins[folds - k] = origin;
            if (origin < Math.max(2, family.minLength(series.season()))) {
                continue;
            }
            TrainingSeries head = series.head(origin);
            FittedModel model;
            try {
                model = family.fit(head);
            } catch (ModelFitException | RuntimeException e) {
                continue;
            }
            Forecast f = model.forecast(horizon, LEVELS, series.xregSlice(origin, origin + horizon));
            if (!Double.isNaN(lowerBound)) {
                f = f.clippedBelow(lowerBound);
            }
            double scale = Accuracy.maseScale(head.y(), series.season());
            double[] y = series.y();
            for (int t = 0; t < horizon; t++) {
                acc.add(y[origin + t], f.mean()[t], scale, f.lower()[0][t], f.upper()[0][t], f.lower()[1][t], f.upper()[1][t]);
                means[folds - k][t] = f.mean()[t];
                half[folds - k][t] = f.upper()[1][t] - f.mean()[t];
            }
            windows++;
        }
        return new Result(acc, windows, origins, means, half);
    }
}
