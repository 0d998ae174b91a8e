package org.forecastsql.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.forecastsql.engine.backtest.RollingOriginBacktest;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.features.TimeKind;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.GlobalFamily;
import org.forecastsql.engine.model.GlobalModel;
import org.forecastsql.engine.model.GlobalSeriesModel;
import org.forecastsql.engine.model.ModelFitException;

/**
 * A global family in a training run (the regression, the neural network): one model across every
 * series of the batch, backtested like the local families (refitted on all series cut at each
 * window's origin, so no window sees its own future; the windows are the local backtest's, so
 * the ensemble can combine them), then fitted on the whole histories. Each series gets a
 * {@link GlobalSeriesModel} view; the shared model is stored once per model version.
 *
 * <p>For daily data (DATE time column, one day per period) only, for now.
 */
final class GlobalStage {
    private static final double[] LEVELS = {80, 95};

    private final GlobalModel model;
    private final int[] indexOfSeries;
    private final RollingOriginBacktest.Result[] backtest;
    private final long[] lastDay;

    private GlobalStage(GlobalModel model, int[] indexOfSeries, RollingOriginBacktest.Result[] backtest, long[] lastDay) {
        this.model = model;
        this.indexOfSeries = indexOfSeries;
        this.backtest = backtest;
        this.lastDay = lastDay;
    }

    /**
     * Fits and backtests the family on the series long enough for it.
     *
     * @param y        per series, the NaN-free values on the daily grid (null: series left out)
     * @param x        per series, covariates {@code [c][t]} on the same grid
     * @param firstDay per series, the epoch day of {@code y[0]}
     * @throws ModelFitException when no series is long enough or the family cannot be fitted
     */
    static GlobalStage run(GlobalFamily family, double[][] y, double[][][] x, long[] firstDay, List<String> covariates,
                           HolidayCalendar calendar, int horizon, int folds, double lowerBound, long seed,
                           BooleanSupplier cancelled) throws ModelFitException {
        int s = y.length;
        int minLength = family.minLength(7);
        int[] index = new int[s];
        Arrays.fill(index, -1);
        List<Integer> members = new ArrayList<>();
        boolean nonNegative = true;
        for (int i = 0; i < s; i++) {
            if (y[i] != null && y[i].length >= minLength + horizon) {
                index[i] = members.size();
                members.add(i);
                nonNegative &= Arrays.stream(y[i]).allMatch(v -> v >= 0);
            }
        }
        if (members.isEmpty()) {
            throw new ModelFitException(family.method() + " needs series of at least " + (minLength + horizon) + " days");
        }
        FeatureSpec spec = new FeatureSpec(horizon, 7, new int[] {7, 28}, calendar, covariates, Set.of(), nonNegative,
                TimeKind.EPOCH_DAY);
        Accuracy[] acc = new Accuracy[s];
        int[][] origins = new int[s][folds];
        double[][][] means = new double[s][folds][];
        double[][][] half = new double[s][folds][];
        int[] windows = new int[s];
        for (int i = 0; i < s; i++) {
            acc[i] = new Accuracy();
            for (int w = 0; w < folds; w++) {
                origins[i][w] = y[i] == null ? 0 : y[i].length - (folds - w) * horizon;
                means[i][w] = nan(horizon);
                half[i][w] = nan(horizon);
            }
        }
        for (int k = folds; k >= 1; k--) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("training cancelled");
            }
            List<SeriesFrame> cut = new ArrayList<>();
            List<Integer> cutMembers = new ArrayList<>();
            for (int i : members) {
                int origin = y[i].length - k * horizon;
                if (origin >= minLength) {
                    cut.add(frame(i, y[i], x[i], firstDay[i], origin, origin));
                    cutMembers.add(i);
                }
            }
            if (cut.isEmpty()) {
                continue;
            }
            GlobalModel foldModel;
            try {
                foldModel = family.fitGlobal(cut, spec, seed);
            } catch (ModelFitException | RuntimeException e) {
                continue;
            }
            int w = folds - k;
            for (int i : cutMembers) {
                int origin = y[i].length - k * horizon;
                Forecast f = foldModel.forecast(frame(i, y[i], x[i], firstDay[i], origin, origin + horizon), horizon,
                        LEVELS);
                if (!Double.isNaN(lowerBound)) {
                    f = f.clippedBelow(lowerBound);
                }
                double scale = Accuracy.maseScale(Arrays.copyOf(y[i], origin), 7);
                for (int t = 0; t < horizon; t++) {
                    acc[i].add(y[i][origin + t], f.mean()[t], scale, f.lower()[0][t], f.upper()[0][t], f.lower()[1][t],
                            f.upper()[1][t]);
                    means[i][w][t] = f.mean()[t];
                    half[i][w][t] = f.upper()[1][t] - f.mean()[t];
                }
                windows[i]++;
            }
        }
        List<SeriesFrame> full = new ArrayList<>();
        long[] last = new long[s];
        for (int i : members) {
            full.add(frame(i, y[i], x[i], firstDay[i], y[i].length, y[i].length));
            last[i] = firstDay[i] + y[i].length - 1;
        }
        RollingOriginBacktest.Result[] results = new RollingOriginBacktest.Result[s];
        for (int i = 0; i < s; i++) {
            results[i] = new RollingOriginBacktest.Result(acc[i], windows[i], origins[i], means[i], half[i]);
        }
        return new GlobalStage(family.fitGlobal(full, spec, seed), index, results, last);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** Series i's history up to {@code origin} (exclusive), with times and covariates up to {@code end}. */
    private static SeriesFrame frame(int i, double[] y, double[][] x, long firstDay, int origin, int end) {
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
        return new SeriesFrame(Integer.toString(i), times, Arrays.copyOf(y, origin), cov);
    }

    /** Whether series {@code i} took part (long enough). */
    boolean covers(int i) {
        return indexOfSeries[i] >= 0;
    }

    /** Series i's backtest: pooled accuracy and each window's forecast path (windows as the local backtest's). */
    RollingOriginBacktest.Result backtest(int i) {
        return backtest[i];
    }

    FittedModel modelOf(int i) {
        return new GlobalSeriesModel(model, indexOfSeries[i], lastDay[i]);
    }

    GlobalModel model() {
        return model;
    }
}
