package org.forecastsql.engine.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.forecastsql.engine.features.FeatureBuilder;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.PreparedSeries;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.model.ModelFitException;

/**
 * Fits gradient-boosted regression trees across all series of a batch ({@code learner=gbt}): the
 * same direct multi-horizon rows and target as the ridge ({@link GlobalRegression}: every period
 * {@code t} of every series once, with a deterministic step {@code k}, features of origin
 * {@code t - k}, target {@code log1p(y_t / s_o)}), one boosted model for all steps (the step is a
 * feature). Forecasts {@code s_o expm1(max(zhat, 0))} are non-negative by construction.
 *
 * <p>Intervals are calibrated out of sample: one row in {@value #CALIBRATION_EVERY} (a fixed
 * pattern over series and periods) is held out of the boosting, and the quantiles of its residuals
 * per step and series-level bucket ({@link ResidualCalibration}) give the intervals, since the
 * in-sample residuals of trees are optimistic.
 *
 * <p>Cost: the design matrix is materialised as floats ({@code 4 p} bytes per row, built
 * series-parallel), then the trees are boosted on {@link Options#threads()} threads
 * ({@link BoostedTrees}).
 */
public final class GbtRegression {
    /** One training row in this many is held out to calibrate the intervals. */
    static final int CALIBRATION_EVERY = 5;

    private GbtRegression() {
    }

    /**
     * Fit options.
     *
     * @param features     what features to compute (horizon, season, windows, calendar, covariates)
     * @param trees        boosting rounds (default 100)
     * @param depth        maximum tree depth (default 6)
     * @param learningRate shrinkage per tree (default 0.1)
     * @param subsample    share of rows each tree sees (default 0.8)
     * @param threads      worker threads, at least 1
     * @param seed         random seed of the row subsampling
     */
    public record Options(FeatureSpec features, int trees, int depth, double learningRate, double subsample,
                          int threads, long seed) {
        public Options {
            if (features == null) {
                throw new IllegalArgumentException("features spec is required");
            }
            if (trees < 1 || depth < 1 || depth > 16 || threads < 1) {
                throw new IllegalArgumentException("trees >= 1, depth 1..16, threads >= 1; got " + trees + ", " + depth
                        + ", " + threads);
            }
            if (!(learningRate > 0 && learningRate <= 1) || !(subsample > 0 && subsample <= 1)) {
                throw new IllegalArgumentException("learning rate and subsample in (0, 1]; got " + learningRate + ", "
                        + subsample);
            }
        }

        /** Defaults: 100 trees of depth 6, learning rate 0.1, subsample 0.8, all processors, seed 42. */
        public static Options of(FeatureSpec features) {
            return new Options(features, 100, 6, 0.1, 0.8, Runtime.getRuntime().availableProcessors(), 42);
        }

        public Options withThreads(int t) {
            return new Options(features, trees, depth, learningRate, subsample, t, seed);
        }

        public Options withSeed(long s) {
            return new Options(features, trees, depth, learningRate, subsample, threads, s);
        }
    }

    /**
     * Fits the model.
     *
     * @param series histories (times and covariates of the same length as the values), in the
     *               order {@link GbtRegressionModel#forecast(int, int, double[], double[][], long[])} indexes them
     * @throws ModelFitException when no series is long enough to give a training row
     * @throws IllegalArgumentException for malformed input (naming the series and column)
     */
    public static GbtRegressionModel fit(List<SeriesFrame> series, Options options) throws ModelFitException {
        FeatureSpec spec = options.features();
        FeatureBuilder builder = new FeatureBuilder(spec);
        for (SeriesFrame f : series) {
            spec.checkTraining(f);
        }
        int p = builder.width();
        int[] edges = StepBuckets.edges(spec.horizon());
        int[] fitRows = new int[series.size() + 1];
        int[] calRows = new int[series.size() + 1];
        for (int i = 0; i < series.size(); i++) {
            int fit = 0;
            int cal = 0;
            for (int t = builder.minOrigin() + 1; t < series.get(i).n(); t++) {
                if (t - GlobalRegression.step(edges, t, i) >= builder.minOrigin()) {
                    if (calibration(t, i)) {
                        cal++;
                    } else {
                        fit++;
                    }
                }
            }
            fitRows[i + 1] = fitRows[i] + fit;
            calRows[i + 1] = calRows[i] + cal;
        }
        int n = fitRows[series.size()];
        int m = calRows[series.size()];
        if (n == 0) {
            throw new ModelFitException("no training rows: a series needs more than " + (builder.minOrigin() + 1)
                    + " observations for the regression features");
        }
        if ((long) n * p > Integer.MAX_VALUE) {
            throw new ModelFitException("gbt: " + n + " training rows x " + p + " features exceed one float array; "
                    + "use learner=ridge for this many series");
        }
        float[] x = new float[n * p];
        float[] z = new float[n];
        float[] cx = new float[m * p];
        float[] cz = new float[m];
        int[] cStep = new int[m];
        double[] cLevel = new double[m];
        fill(series, builder, edges, options.threads(), fitRows, calRows, x, z, cx, cz, cStep, cLevel);
        BoostedTrees trees = BoostedTrees.fit(x, z, n, p, options);
        ResidualCalibration calibration = new ResidualCalibration(spec.horizon());
        if (m > 0) {
            double[] predicted = trees.predict(cx, m, p);
            for (int r = 0; r < m; r++) {
                calibration.add(cStep[r], cz[r] - predicted[r], cLevel[r]);
            }
        }
        ResidualCalibration.Grids grids = calibration.grids();
        List<DirectForecastModel.Tail> tails = new ArrayList<>(series.size());
        for (SeriesFrame f : series) {
            tails.add(DirectForecastModel.Tail.of(f, builder));
        }
        return new GbtRegressionModel(spec, options, trees, n, grids.cuts(), grids.quantiles(), tails);
    }

    /** Whether target period {@code t} of series {@code i} is held out for calibration (deterministic). */
    static boolean calibration(int t, int i) {
        return Math.floorMod(t * 3 + i * 7, CALIBRATION_EVERY) == 0;
    }

    private static void fill(List<SeriesFrame> series, FeatureBuilder builder, int[] edges, int threads, int[] fitRows,
                             int[] calRows, float[] x, float[] z, float[] cx, float[] cz, int[] cStep, double[] cLevel) {
        int p = builder.width();
        int chunks = Math.max(1, Math.min(series.size(), threads * 8));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                int from = (int) ((long) series.size() * c / chunks);
                int to = (int) ((long) series.size() * (c + 1) / chunks);
                parts.add(pool.submit(() -> {
                    double[] row = new double[p];
                    for (int i = from; i < to; i++) {
                        SeriesFrame f = series.get(i);
                        PreparedSeries prepared = builder.prepare(f);
                        int a = fitRows[i];
                        int b = calRows[i];
                        for (int t = builder.minOrigin() + 1; t < f.n(); t++) {
                            int k = GlobalRegression.step(edges, t, i);
                            int o = t - k;
                            if (o < builder.minOrigin()) {
                                continue;
                            }
                            builder.row(prepared, o, k, row);
                            double s = prepared.scale(o);
                            float target = (float) GlobalRegression.target(builder.spec(), f.values()[t], s);
                            if (calibration(t, i)) {
                                copy(row, cx, b * p);
                                cz[b] = target;
                                cStep[b] = k;
                                cLevel[b] = Math.log(s);
                                b++;
                            } else {
                                copy(row, x, a * p);
                                z[a++] = target;
                            }
                        }
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("gbt fit interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static void copy(double[] row, float[] to, int at) {
        for (int j = 0; j < row.length; j++) {
            to[at + j] = (float) row[j];
        }
    }
}
