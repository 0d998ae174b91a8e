package org.forecastsql.engine.regression;

import java.util.Arrays;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.forecastsql.engine.features.FeatureBuilder;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.FutureCovariates;
import org.forecastsql.engine.features.PreparedSeries;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.GlobalModel;

/**
 * What every learner of the global regression family shares: a direct multi-horizon model on
 * {@link FeatureBuilder} rows whose prediction {@code zhat} is on the transformed scale
 * ({@code log1p(y / s_o)}, or {@code y / s_o}), mapped back by {@code s_o expm1(max(zhat, 0))}
 * (non-negative by construction for counts); intervals from residual quantile grids per step and
 * series-level bucket ({@link ResidualQuantiles}); each training series' stored tail so a model
 * forecasts without the training data. Subclasses supply {@link #predictTransformed(double[][], int[])}.
 */
abstract class DirectForecastModel implements GlobalModel {
    final FeatureSpec spec;
    final FeatureBuilder builder;
    final long rows;
    final double[] levelCuts;
    final double[][][] quantiles;
    final List<Tail> tails;

    /** A series' stored tail: its key, last time stamp, values and (relative) covariate history. */
    record Tail(String key, long lastTime, double[] values, double[][] covariates) {
        static Tail of(SeriesFrame f, FeatureBuilder builder) {
            int keep = Math.min(f.n(), builder.historyNeeded());
            int from = f.n() - keep;
            FeatureSpec spec = builder.spec();
            double[][] cov = new double[spec.covariates().size()][];
            for (int c = 0; c < cov.length; c++) {
                cov[c] = spec.keepsHistory(c) ? Arrays.copyOfRange(f.covariates()[c], from, f.n()) : null;
            }
            long last = f.n() > 0 ? f.times()[f.n() - 1] : 0;
            return new Tail(f.key(), last, Arrays.copyOfRange(f.values(), from, f.n()), cov);
        }
    }

    DirectForecastModel(FeatureSpec spec, long rows, double[] levelCuts, double[][][] quantiles, List<Tail> tails) {
        this.spec = spec;
        this.builder = new FeatureBuilder(spec);
        this.rows = rows;
        this.levelCuts = levelCuts;
        this.quantiles = quantiles;
        this.tails = List.copyOf(tails);
    }

    @Override
    public String method() {
        return RegressionFamily.METHOD;
    }

    /** Feature names with their importance, largest magnitude first. */
    Map<String, Double> ranked(double[] importance) {
        Integer[] order = new Integer[importance.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble(j -> -Math.abs(importance[j])));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j : order) {
            out.put(builder.names().get(j), importance[j]);
        }
        return out;
    }

    /** The transformed-scale predictions of {@code rows[r]} at horizon step {@code steps[r]}. */
    abstract double[] predictTransformed(double[][] rows, int[] steps);

    @Override
    public int horizon() {
        return spec.horizon();
    }

    public FeatureSpec spec() {
        return spec;
    }

    public List<String> featureNames() {
        return builder.names();
    }

    /** Training rows used. */
    public long trainingRows() {
        return rows;
    }

    @Override
    public int seriesCount() {
        return tails.size();
    }

    public String key(int seriesIndex) {
        return tails.get(seriesIndex).key();
    }

    /** Index of the training series with this key, or -1. */
    public int indexOf(String key) {
        for (int i = 0; i < tails.size(); i++) {
            if (Objects.equals(tails.get(i).key(), key)) {
                return i;
            }
        }
        return -1;
    }

    static int levelBucket(double[] cuts, double logScale) {
        int l = 0;
        while (l < cuts.length && logScale > cuts[l]) {
            l++;
        }
        return l;
    }

    private double inverse(double z, double s) {
        return spec.logTarget() ? s * Math.expm1(Math.max(z, 0)) : s * z;
    }

    /**
     * Forecasts a training series from its stored tail.
     *
     * @param seriesIndex      index in the training list
     * @param h                periods, {@code 1..horizon}
     * @param levels           interval levels in percent, ascending
     * @param futureCovariates {@code [c][k]} for the {@code h} future periods, in
     *                         {@link FeatureSpec#covariates()} order; NaN or a short array is missing
     * @param futureTimes      the {@code h} future time stamps
     * @throws IllegalArgumentException naming the covariates and periods whose future values are missing
     */
    @Override
    public Forecast forecast(int seriesIndex, int h, double[] levels, double[][] futureCovariates, long[] futureTimes) {
        Tail tail = tails.get(seriesIndex);
        int n = tail.values().length;
        if (futureTimes == null || futureTimes.length < h) {
            throw new IllegalArgumentException("series '" + tail.key() + "': " + h + " future time stamps needed, got "
                    + (futureTimes == null ? 0 : futureTimes.length));
        }
        long[] times = new long[n + h];
        for (int t = 0; t < n; t++) {
            times[t] = tail.lastTime() - (n - 1 - t); // history stamps are never read: only targets' are
        }
        System.arraycopy(futureTimes, 0, times, n, h);
        int nc = spec.covariates().size();
        double[][] cov = new double[nc][n + h];
        for (int c = 0; c < nc; c++) {
            if (tail.covariates()[c] != null) {
                System.arraycopy(tail.covariates()[c], 0, cov[c], 0, n);
            } else {
                Arrays.fill(cov[c], 0, n, Double.NaN);
            }
            for (int k = 0; k < h; k++) {
                double[] fc = futureCovariates == null || c >= futureCovariates.length ? null : futureCovariates[c];
                cov[c][n + k] = fc == null || k >= fc.length ? Double.NaN : fc[k];
            }
        }
        return forecast(new SeriesFrame(tail.key(), times, tail.values(), cov), h, levels);
    }

    /**
     * Forecasts {@code h} periods after the last value of {@code frame}, whose time stamps and
     * covariates extend over those periods (a backtest passes a history cut at its origin).
     */
    @Override
    public Forecast forecast(SeriesFrame frame, int h, double[] levels) {
        if (h < 1 || h > spec.horizon()) {
            throw new IllegalArgumentException("horizon " + h + " outside 1.." + spec.horizon()
                    + " (the model was trained for horizon " + spec.horizon() + "; retrain with a longer horizon)");
        }
        int n = frame.n();
        if (n <= builder.minOrigin()) {
            throw new IllegalArgumentException("series '" + frame.key() + "' has " + n + " values; the regression needs at least "
                    + (builder.minOrigin() + 1));
        }
        if (frame.times().length < n + h) {
            throw new IllegalArgumentException("series '" + frame.key() + "': " + h + " future time stamps needed");
        }
        FutureCovariates.check(spec, frame, h);
        PreparedSeries prepared = builder.prepare(frame);
        int origin = n - 1;
        double s = prepared.scale(origin);
        double[][] grid = quantiles[levelBucket(levelCuts, Math.log(s))];
        double[][] rowsOf = new double[h][builder.width()];
        int[] steps = new int[h];
        for (int k = 1; k <= h; k++) {
            builder.row(prepared, origin, k, rowsOf[k - 1]);
            steps[k - 1] = k;
        }
        double[] z = predictTransformed(rowsOf, steps);
        double[] mean = new double[h];
        double[][] lo = new double[levels.length][h];
        double[][] hi = new double[levels.length][h];
        for (int k = 1; k <= h; k++) {
            mean[k - 1] = inverse(z[k - 1], s);
            for (int i = 0; i < levels.length; i++) {
                double a = (1 - levels[i] / 100.0) / 2;
                lo[i][k - 1] = inverse(z[k - 1] + ResidualQuantiles.at(grid[k - 1], a), s);
                hi[i][k - 1] = inverse(z[k - 1] + ResidualQuantiles.at(grid[k - 1], 1 - a), s);
            }
        }
        return new Forecast(mean, levels.clone(), lo, hi);
    }

}
