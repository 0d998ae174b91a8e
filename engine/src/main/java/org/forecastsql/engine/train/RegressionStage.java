package org.forecastsql.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.features.TimeKind;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.regression.GlobalRegression;
import org.forecastsql.engine.regression.GlobalRegressionModel;
import org.forecastsql.engine.regression.RegressionSeriesModel;

/**
 * The global regression in a training run: one ridge model across every series of the batch
 * ({@link GlobalRegression}), backtested like the local families (the model is refitted on all
 * series cut at each window's origin, so no window sees its own future), then fitted on the whole
 * histories. Each series gets a {@link FittedModel} view of the shared model; the shared model is
 * stored once per model version ({@link #sharedState()}).
 *
 * <p>For daily data (DATE time column, one day per period) only, for now.
 */
final class RegressionStage {
    private static final double[] LEVELS = {80, 95};
    /** The fewest observations a series needs to take part (rolling windows of 28 plus weekly lags). */
    private static final int MIN_LENGTH = 57;

    private final GlobalRegressionModel model;
    private final int[] indexOfSeries;
    private final Accuracy[] backtest;
    private final long[] lastDay;

    private RegressionStage(GlobalRegressionModel model, int[] indexOfSeries, Accuracy[] backtest, long[] lastDay) {
        this.model = model;
        this.indexOfSeries = indexOfSeries;
        this.backtest = backtest;
        this.lastDay = lastDay;
    }

    /**
     * Fits and backtests the regression on the series long enough for it.
     *
     * @param y        per series, the NaN-free values on the daily grid (null: series left out)
     * @param x        per series, covariates {@code [c][t]} on the same grid
     * @param firstDay per series, the epoch day of {@code y[0]}
     * @throws ModelFitException when no series is long enough
     */
    static RegressionStage run(double[][] y, double[][][] x, long[] firstDay, String[] keys, List<String> covariates,
                               String holidays, int horizon, int folds, double lowerBound) throws ModelFitException {
        int s = y.length;
        int[] index = new int[s];
        Arrays.fill(index, -1);
        List<Integer> members = new ArrayList<>();
        boolean nonNegative = true;
        for (int i = 0; i < s; i++) {
            if (y[i] != null && y[i].length >= MIN_LENGTH + horizon) {
                index[i] = members.size();
                members.add(i);
                nonNegative &= Arrays.stream(y[i]).allMatch(v -> v >= 0);
            }
        }
        if (members.isEmpty()) {
            throw new ModelFitException("regression needs series of at least " + (MIN_LENGTH + horizon) + " days");
        }
        HolidayCalendar calendar = holidays == null ? HolidayCalendar.none() : HolidayCalendar.builtIn(holidays);
        FeatureSpec spec = new FeatureSpec(horizon, 7, new int[] {7, 28}, calendar, covariates, Set.of(), nonNegative,
                TimeKind.EPOCH_DAY);
        GlobalRegression.Options options = GlobalRegression.Options.of(spec);
        Accuracy[] acc = new Accuracy[s];
        for (int i = 0; i < s; i++) {
            acc[i] = new Accuracy();
        }
        for (int k = folds; k >= 1; k--) {
            List<SeriesFrame> cut = new ArrayList<>();
            List<Integer> cutMembers = new ArrayList<>();
            for (int i : members) {
                int origin = y[i].length - k * horizon;
                if (origin >= MIN_LENGTH) {
                    cut.add(frame(keys[i], y[i], x[i], firstDay[i], origin, origin));
                    cutMembers.add(i);
                }
            }
            if (cut.isEmpty()) {
                continue;
            }
            GlobalRegressionModel foldModel;
            try {
                foldModel = GlobalRegression.fit(cut, options);
            } catch (ModelFitException e) {
                continue;
            }
            for (int i : cutMembers) {
                int origin = y[i].length - k * horizon;
                Forecast f = foldModel.forecast(frame(keys[i], y[i], x[i], firstDay[i], origin, origin + horizon), horizon,
                        LEVELS);
                if (!Double.isNaN(lowerBound)) {
                    f = f.clippedBelow(lowerBound);
                }
                double scale = Accuracy.maseScale(Arrays.copyOf(y[i], origin), 7);
                for (int t = 0; t < horizon; t++) {
                    acc[i].add(y[i][origin + t], f.mean()[t], scale, f.lower()[0][t], f.upper()[0][t], f.lower()[1][t],
                            f.upper()[1][t]);
                }
            }
        }
        List<SeriesFrame> full = new ArrayList<>();
        long[] last = new long[s];
        for (int i : members) {
            full.add(frame(keys[i], y[i], x[i], firstDay[i], y[i].length, y[i].length));
            last[i] = firstDay[i] + y[i].length - 1;
        }
        return new RegressionStage(GlobalRegression.fit(full, options), index, acc, last);
    }

    /** Series i's history up to {@code origin} (exclusive), with times and covariates up to {@code end}. */
    private static SeriesFrame frame(String key, double[] y, double[][] x, long firstDay, int origin, int end) {
        long[] times = new long[end];
        for (int t = 0; t < end; t++) {
            times[t] = firstDay + t;
        }
        double[][] cov = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            cov[c] = Arrays.copyOf(x[c], end);
            double previous = 0;
            for (int t = 0; t < end; t++) {
                if (Double.isFinite(cov[c][t])) {
                    previous = cov[c][t];
                } else {
                    cov[c][t] = previous;
                }
            }
        }
        return new SeriesFrame(key, times, Arrays.copyOf(y, origin), cov);
    }

    /** Whether series {@code i} took part (long enough). */
    boolean covers(int i) {
        return indexOfSeries[i] >= 0;
    }

    Accuracy backtest(int i) {
        return backtest[i];
    }

    FittedModel modelOf(int i) {
        return new RegressionSeriesModel(model, indexOfSeries[i], lastDay[i]);
    }

    /** The shared model's bytes, stored once per model version. */
    byte[] sharedState() {
        return model.toBytes();
    }
}
