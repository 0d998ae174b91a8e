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
import org.forecastsql.engine.model.Cancellation;
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
    /** At most this many models per backtest window when series end on different dates. */
    static final int MAX_CUTS = 4;

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
        // Window k scores series i from its own origin n_i - k*h, with a model trained only on what
        // every series had before a calendar time no later than that origin's time: series that end
        // on different dates (delisted SKUs) never lend the model data from another series' test days.
        GlobalModel once = null;
        for (int k = folds; k >= 1; k--) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("training cancelled");
            }
            List<Integer> scored = new ArrayList<>();
            for (int i : members) {
                if (y[i].length - k * horizon >= minLength) {
                    scored.add(i);
                }
            }
            if (scored.isEmpty()) {
                continue;
            }
            long[] cuts = cutTimes(scored, y, times, k * horizon, family.refitPerWindow() ? MAX_CUTS : 1);
            GlobalModel[] models = new GlobalModel[cuts.length];
            for (int c = 0; c < cuts.length; c++) {
                if (!family.refitPerWindow() && once != null) {
                    models[c] = once;
                    continue;
                }
                List<SeriesFrame> cut = new ArrayList<>();
                for (int j : members) {
                    int before = countBefore(times[j], Math.min(y[j].length, times[j].length), cuts[c]);
                    if (before >= minLength) {
                        cut.add(frame(j, y[j], x[j], times[j], before, before));
                    }
                }
                try (GlobalSeriesModel.Binding check = Cancellation.bind(cancelled)) {
                    models[c] = cut.isEmpty() ? null : family.fitGlobal(cut, spec, seed);
                } catch (CancellationException e) {
                    throw e;
                } catch (ModelFitException | RuntimeException e) {
                    models[c] = null;
                }
                if (!family.refitPerWindow()) {
                    once = models[c];
                }
            }
            int w = folds - k;
            for (int i : scored) {
                int origin = y[i].length - k * horizon;
                GlobalModel model = modelFor(times[i][origin], cuts, models);
                if (model == null) {
                    continue;
                }
                Forecast f = model.forecast(frame(i, y[i], x[i], times[i], origin, origin + horizon), horizon, LEVELS);
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
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("training cancelled");
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
        try (GlobalSeriesModel.Binding check = Cancellation.bind(cancelled)) {
            return new GlobalStage(family.fitGlobal(full, spec, seed), index, results, future);
        }
    }

    /**
     * The calendar times window {@code back} periods before each series' end is cut at: the
     * distinct origin times of the scored series when there are at most {@code max} of them, else
     * the earliest and {@code max - 1} more spread evenly over their ranks (each series is then
     * scored by the latest cut at or before its own origin, so some are cut a little early).
     */
    static long[] cutTimes(List<Integer> scored, double[][] y, long[][] times, int back, int max) {
        long[] origin = scored.stream().mapToLong(i -> times[i][y[i].length - back]).sorted().distinct().toArray();
        if (origin.length <= max) {
            return origin;
        }
        long[] cuts = new long[max];
        for (int c = 0; c < max; c++) {
            cuts[c] = origin[(int) ((long) c * (origin.length - 1) / Math.max(1, max - 1))];
        }
        return Arrays.stream(cuts).distinct().toArray();
    }

    /** The model of the latest cut at or before {@code originTime} (cuts ascending), or null. */
    private static GlobalModel modelFor(long originTime, long[] cuts, GlobalModel[] models) {
        GlobalModel found = null;
        for (int c = 0; c < cuts.length && cuts[c] <= originTime; c++) {
            found = models[c];
        }
        return found;
    }

    /** How many of the first {@code n} (ascending) time stamps lie before {@code time}. */
    private static int countBefore(long[] times, int n, long time) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
