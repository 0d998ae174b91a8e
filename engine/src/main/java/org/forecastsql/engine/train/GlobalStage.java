package org.forecastsql.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.forecastsql.engine.backtest.RollingOriginBacktest;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.engine.features.FeatureBuilder;
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
import org.forecastsql.engine.series.Frequency;
import org.forecastsql.engine.series.TimeEncoding;

/**
 * A global family in a training run (the regression, the neural network): one model across every
 * series of the batch, backtested like the local families (refitted on all series cut at each
 * window's origin, so no window sees its own future; the windows are the local backtest's, so
 * the ensemble can combine them), then fitted on the whole histories. Each series gets a
 * {@link GlobalSeriesModel} view; the shared model is stored once per model version.
 *
 * <p>Any calendar frequency (DATE or TIMESTAMP time columns); the lags and windows follow the
 * frequency ({@link Shape}).
 */
final class GlobalStage {
    private static final double[] LEVELS = {80, 95};

    private final GlobalModel model;
    private final int[] indexOfSeries;
    private final RollingOriginBacktest.Result[] backtest;
    private final long[][] futureTimes;

    private GlobalStage(GlobalModel model, int[] indexOfSeries, RollingOriginBacktest.Result[] backtest, long[][] futureTimes) {
        this.model = model;
        this.indexOfSeries = indexOfSeries;
        this.backtest = backtest;
        this.futureTimes = futureTimes;
    }

    /**
     * The features' shape for a frequency: the season of the same-period lags (1: none, the
     * calendar columns carry the seasonality) and the rolling windows.
     */
    record Shape(int season, int[] windows, TimeKind timeKind) {
        /** @throws IllegalArgumentException for integer time steps (no calendar to compute features from) */
        static Shape of(Frequency freq, TimeEncoding enc) {
            if (enc == TimeEncoding.INTEGER) {
                throw new IllegalArgumentException("global models need a DATE or TIMESTAMP time column (calendar "
                        + "features); this input has integer periods; use the other methods");
            }
            TimeKind kind = enc == TimeEncoding.EPOCH_DAY ? TimeKind.EPOCH_DAY : TimeKind.EPOCH_MILLIS;
            return switch (freq.unit()) {
                case DAY -> freq.step() == 1 ? new Shape(7, new int[] {7, 28}, kind) : new Shape(1, new int[] {4, 12}, kind);
                case HOUR -> freq.step() == 1 ? new Shape(24, new int[] {24, 168}, kind) : new Shape(1, new int[] {6, 24}, kind);
                case WEEK -> new Shape(1, new int[] {4, 13}, kind);
                case MONTH -> new Shape(1, new int[] {3, 12}, kind);
                case QUARTER, YEAR -> new Shape(1, new int[] {2, 4}, kind);
                default -> new Shape(1, new int[] {4, 12}, kind);
            };
        }
    }

    /**
     * Fits and backtests the family on the series long enough for it.
     *
     * @param y        per series, the NaN-free values on the regular grid (null: series left out)
     * @param x        per series, covariates {@code [c][t]} on the same grid
     * @param times    per series, the grid's time stamps: {@code y[i].length + horizon} of them
     * @param season   per series, the season that scales its MASE
     * @throws ModelFitException when no series is long enough or the family cannot be fitted
     */
    static GlobalStage run(GlobalFamily family, double[][] y, double[][][] x, long[][] times, int[] season, Shape shape,
                           List<String> covariates, Set<String> pastCovariates, HolidayCalendar calendar, int horizon,
                           int folds, double lowerBound,
                           long seed, BooleanSupplier cancelled) throws ModelFitException {
        int s = y.length;
        FeatureSpec probe = new FeatureSpec(horizon, shape.season(), shape.windows(), calendar, covariates, Set.of(),
                pastCovariates, false, shape.timeKind());
        int minLength = Math.max(family.minLength(shape.season()), new FeatureBuilder(probe).minOrigin() + 2);
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
            throw new ModelFitException(family.method() + " needs series of at least " + (minLength + horizon) + " periods");
        }
        FeatureSpec spec = new FeatureSpec(horizon, shape.season(), shape.windows(), calendar, covariates, Set.of(),
                pastCovariates, nonNegative, shape.timeKind());
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
        GlobalModel foldModel = null;
        for (int k = folds; k >= 1; k--) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("training cancelled");
            }
            List<SeriesFrame> cut = new ArrayList<>();
            List<Integer> cutMembers = new ArrayList<>();
            for (int i : members) {
                int origin = y[i].length - k * horizon;
                if (origin >= minLength) {
                    cut.add(frame(i, y[i], x[i], times[i], origin, origin));
                    cutMembers.add(i);
                }
            }
            if (cut.isEmpty()) {
                continue;
            }
            if (foldModel == null || family.refitPerWindow()) {
                try {
                    foldModel = family.fitGlobal(cut, spec, seed);
                } catch (ModelFitException | RuntimeException e) {
                    foldModel = null;
                    continue;
                }
            }
            int w = folds - k;
            for (int i : cutMembers) {
                int origin = y[i].length - k * horizon;
                Forecast f = foldModel.forecast(frame(i, y[i], x[i], times[i], origin, origin + horizon), horizon,
                        LEVELS);
                if (!Double.isNaN(lowerBound)) {
                    f = f.clippedBelow(lowerBound);
                }
                double scale = Accuracy.maseScale(Arrays.copyOf(y[i], origin), season[i]);
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
        long[][] future = new long[s][];
        for (int i : members) {
            full.add(frame(i, y[i], x[i], times[i], y[i].length, y[i].length));
            future[i] = Arrays.copyOfRange(times[i], y[i].length, y[i].length + horizon);
        }
        RollingOriginBacktest.Result[] results = new RollingOriginBacktest.Result[s];
        for (int i = 0; i < s; i++) {
            results[i] = new RollingOriginBacktest.Result(acc[i], windows[i], origins[i], means[i], half[i]);
        }
        return new GlobalStage(family.fitGlobal(full, spec, seed), index, results, future);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** Series i's history up to {@code origin} (exclusive), with times and covariates up to {@code end}. */
    private static SeriesFrame frame(int i, double[] y, double[][] x, long[] gridTimes, int origin, int end) {
        long[] times = Arrays.copyOf(gridTimes, end);
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
        return new GlobalSeriesModel(model, indexOfSeries[i], futureTimes[i]);
    }

    GlobalModel model() {
        return model;
    }
}
