package org.forecastsql.engine.regression;

import java.util.ArrayList;
import java.util.Arrays;
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
 * Fits one ridge regression across all series of a batch (a global model: series learn from each
 * other).
 *
 * <p>Direct multi-horizon: each training row is a (series, target period {@code t}, step
 * {@code k}) with origin {@code o = t - k}; its features come from {@link FeatureBuilder} (only
 * {@code y[0..o]} is read) and its target is {@code z = log1p(y_t / s_o)} (or {@code y_t / s_o}
 * without the log), {@code s_o} the series scale at the origin. Every period {@code t} of every
 * series is used once, with a step chosen deterministically so that all steps are covered evenly;
 * steps are grouped in up to four buckets ({@link StepBuckets}) with one ridge fit each
 * ({@link RidgeKernel}). The forecast {@code s_o expm1(max(zhat, 0))} is non-negative by
 * construction. Intervals: empirical quantiles of the in-sample residuals {@code z - zhat} per step
 * and per tercile of the series level ({@link ResidualQuantiles}), mapped back through the same
 * monotone transform (so their coverage carries over exactly).
 *
 * <p>Cost: one pass over the rows, {@code O(nnz^2)} per row with {@code nnz} the non-zero features
 * of a row, series-parallel on {@link Options#threads()} threads; memory is {@code O(p^2)} per
 * thread plus one series' features at a time: the design matrix is never materialised.
 */
public final class GlobalRegression {
    private GlobalRegression() {
    }

    /**
     * Fit options.
     *
     * @param features         what features to compute (horizon, season, windows, calendar, covariates)
     * @param lambda           ridge penalty on standardised regressors (default 1e-3)
     * @param maxRowsPerSeries use only each series' last this many periods as targets; 0 for all
     * @param residualSeries   at most this many series (evenly spaced) supply interval residuals
     * @param threads          worker threads, at least 1
     */
    public record Options(FeatureSpec features, double lambda, int maxRowsPerSeries, int residualSeries,
                          int threads) {
        public Options {
            if (features == null) {
                throw new IllegalArgumentException("features spec is required");
            }
            if (!(lambda > 0)) {
                throw new IllegalArgumentException("lambda must be > 0; got " + lambda);
            }
            if (maxRowsPerSeries < 0 || residualSeries < 1 || threads < 1) {
                throw new IllegalArgumentException("maxRowsPerSeries >= 0, residualSeries >= 1, threads >= 1; got "
                        + maxRowsPerSeries + ", " + residualSeries + ", " + threads);
            }
        }

        /** Defaults: lambda 1e-3, all rows, 2,000 residual series, all processors. */
        public static Options of(FeatureSpec features) {
            return new Options(features, 1e-3, 0, 2000, Runtime.getRuntime().availableProcessors());
        }

        public Options withThreads(int t) {
            return new Options(features, lambda, maxRowsPerSeries, residualSeries, t);
        }
    }

    /**
     * Fits the model.
     *
     * @param series histories (times and covariates of the same length as the values), in the
     *               order {@link GlobalRegressionModel#forecast(int, int, double[], double[][], long[])} indexes them
     * @throws ModelFitException when no series is long enough to give a training row
     * @throws IllegalArgumentException for malformed input (naming the series and column)
     */
    public static GlobalRegressionModel fit(List<SeriesFrame> series, Options options) throws ModelFitException {
        FeatureSpec spec = options.features();
        FeatureBuilder builder = new FeatureBuilder(spec);
        for (SeriesFrame f : series) {
            spec.checkTraining(f);
        }
        int p = builder.width();
        int[] edges = StepBuckets.edges(spec.horizon());
        int buckets = edges.length - 1;
        GramAccumulator[] total = accumulate(series, builder, edges, options);
        long rows = 0;
        for (GramAccumulator g : total) {
            rows += g.n;
        }
        if (rows == 0) {
            throw new ModelFitException("no training rows: a series needs more than " + (builder.minOrigin() + 1)
                    + " observations for the regression features");
        }
        double[][] coef = new double[buckets][];
        double[] importance = new double[p];
        for (int b = 0; b < buckets; b++) {
            GramAccumulator g = total[b];
            double[] sol = g.n > 0
                    ? RidgeKernel.ridge(g.gram, g.xty, g.yy, g.n, p, options.lambda())
                    : new double[1 + 2 * p];
            coef[b] = Arrays.copyOf(sol, 1 + p);
            for (int j = 0; j < p; j++) {
                importance[j] += sol[1 + p + j] * g.n / rows;
            }
        }
        GlobalRegressionModel partial = new GlobalRegressionModel(spec, edges, coef, importance, rows,
                new double[0], new double[][][] {new double[spec.horizon()][ResidualQuantiles.GRID]}, List.of());
        ResidualCalibration.Grids grids = residuals(series, builder, partial, options);
        List<GlobalRegressionModel.Tail> tails = new ArrayList<>(series.size());
        for (SeriesFrame f : series) {
            tails.add(GlobalRegressionModel.Tail.of(f, builder));
        }
        return new GlobalRegressionModel(spec, edges, coef, importance, rows, grids.cuts(), grids.quantiles(), tails);
    }

    /** The step of target period {@code t} of series {@code i}: even over buckets, then within a bucket. */
    static int step(int[] edges, int t, int i) {
        int buckets = edges.length - 1;
        int b = Math.floorMod(t + i, buckets);
        int len = edges[b + 1] - edges[b];
        return edges[b] + Math.floorMod(t / buckets * 7 + i * 13, len);
    }

    static double target(FeatureSpec spec, double y, double s) {
        return spec.logTarget() ? Math.log1p(Math.max(y, 0) / s) : y / s;
    }

    private static int firstTarget(SeriesFrame f, FeatureBuilder builder, Options options) {
        int first = builder.minOrigin() + 1;
        if (options.maxRowsPerSeries() > 0) {
            first = Math.max(first, f.n() - options.maxRowsPerSeries());
        }
        return first;
    }

    private static GramAccumulator[] accumulate(List<SeriesFrame> series, FeatureBuilder builder, int[] edges,
                                                Options options) {
        int p = builder.width();
        int buckets = edges.length - 1;
        int chunks = Math.max(1, Math.min(series.size(), options.threads() * 8));
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<GramAccumulator[]>> parts = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                int from = (int) ((long) series.size() * c / chunks);
                int to = (int) ((long) series.size() * (c + 1) / chunks);
                parts.add(pool.submit(() -> {
                    GramAccumulator[] acc = new GramAccumulator[buckets];
                    for (int b = 0; b < buckets; b++) {
                        acc[b] = new GramAccumulator(p);
                    }
                    double[] row = new double[p];
                    for (int i = from; i < to; i++) {
                        SeriesFrame f = series.get(i);
                        PreparedSeries prepared = builder.prepare(f);
                        for (int t = firstTarget(f, builder, options); t < f.n(); t++) {
                            int k = step(edges, t, i);
                            int o = t - k;
                            if (o < builder.minOrigin()) {
                                continue;
                            }
                            builder.row(prepared, o, k, row);
                            acc[StepBuckets.bucketOf(edges, k)].add(row,
                                    target(builder.spec(), f.values()[t], prepared.scale(o)));
                        }
                    }
                    return acc;
                }));
            }
            GramAccumulator[] total = null;
            for (Future<GramAccumulator[]> part : parts) {
                GramAccumulator[] acc = part.get();
                if (total == null) {
                    total = acc;
                } else {
                    for (int b = 0; b < buckets; b++) {
                        total[b].merge(acc[b]);
                    }
                }
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("regression fit interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Interval grids from the in-sample residuals of up to {@code residualSeries} evenly spaced series. */
    private static ResidualCalibration.Grids residuals(List<SeriesFrame> series, FeatureBuilder builder,
                                                      GlobalRegressionModel model, Options options) {
        FeatureSpec spec = builder.spec();
        int[] edges = StepBuckets.edges(spec.horizon());
        int stride = Math.max(1, (series.size() + options.residualSeries() - 1) / options.residualSeries());
        ResidualCalibration calibration = new ResidualCalibration(spec.horizon());
        double[] row = new double[builder.width()];
        for (int i = 0; i < series.size(); i += stride) {
            SeriesFrame f = series.get(i);
            PreparedSeries prepared = builder.prepare(f);
            for (int t = firstTarget(f, builder, options); t < f.n(); t++) {
                int k = step(edges, t, i);
                int o = t - k;
                if (o < builder.minOrigin()) {
                    continue;
                }
                builder.row(prepared, o, k, row);
                double s = prepared.scale(o);
                calibration.add(k, target(spec, f.values()[t], s) - model.predictTransformed(row, k), Math.log(s));
            }
        }
        return calibration.grids();
    }
}
