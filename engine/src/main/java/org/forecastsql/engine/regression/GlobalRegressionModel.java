package org.forecastsql.engine.regression;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forecastsql.engine.features.FeatureBuilder;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.PreparedSeries;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.features.TimeKind;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.GlobalModel;

/**
 * A fitted global regression ({@link GlobalRegression}): per step bucket an intercept and one
 * coefficient per feature, the feature importance (standardised coefficients, row-weighted over
 * buckets), residual quantiles for intervals, and each training series' last
 * {@link FeatureBuilder#historyNeeded()} values (and relative covariates) so it forecasts without
 * the training data. Immutable and thread-safe.
 */
public final class GlobalRegressionModel implements GlobalModel {
    /** Serialised state format version. */
    public static final int FORMAT_VERSION = 1;
    private static final int MAGIC = 0x46534752; // "FSGR"

    final FeatureSpec spec;
    final FeatureBuilder builder;
    final int[] edges;
    final double[][] coef;
    final double[] importance;
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
                cov[c] = spec.relativeCovariates().contains(spec.covariates().get(c))
                        ? Arrays.copyOfRange(f.covariates()[c], from, f.n()) : null;
            }
            long last = f.n() > 0 ? f.times()[f.n() - 1] : 0;
            return new Tail(f.key(), last, Arrays.copyOfRange(f.values(), from, f.n()), cov);
        }
    }

    GlobalRegressionModel(FeatureSpec spec, int[] edges, double[][] coef, double[] importance, long rows,
                          double[] levelCuts, double[][][] quantiles, List<Tail> tails) {
        this.spec = spec;
        this.builder = new FeatureBuilder(spec);
        this.edges = edges;
        this.coef = coef;
        this.importance = importance;
        this.rows = rows;
        this.levelCuts = levelCuts;
        this.quantiles = quantiles;
        this.tails = List.copyOf(tails);
    }

    @Override
    public String method() {
        return RegressionFamily.METHOD;
    }

    @Override
    public String description() {
        return "Global ridge regression over " + tails.size() + " series";
    }

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
            if (java.util.Objects.equals(tails.get(i).key(), key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Feature importance: standardised coefficients {@code b_j = beta_j sd_j / sd_z} (signed,
     * row-weighted mean over step buckets), largest magnitude first.
     */
    @Override
    public Map<String, Double> importance() {
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

    /** Raw-scale coefficients of step bucket containing {@code step}: {@code [intercept, beta_1..beta_p]}. */
    public double[] coefficients(int step) {
        return coef[StepBuckets.bucketOf(edges, step)].clone();
    }

    double predictTransformed(double[] row, int step) {
        double[] c = coef[StepBuckets.bucketOf(edges, step)];
        double z = c[0];
        for (int j = 0; j < row.length; j++) {
            z += c[j + 1] * row[j];
        }
        return z;
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
        checkFutureCovariates(frame, h);
        PreparedSeries prepared = builder.prepare(frame);
        int origin = n - 1;
        double s = prepared.scale(origin);
        double[][] grid = quantiles[levelBucket(levelCuts, Math.log(s))];
        double[] row = new double[builder.width()];
        double[] mean = new double[h];
        double[][] lo = new double[levels.length][h];
        double[][] hi = new double[levels.length][h];
        for (int k = 1; k <= h; k++) {
            builder.row(prepared, origin, k, row);
            double z = predictTransformed(row, k);
            mean[k - 1] = inverse(z, s);
            for (int i = 0; i < levels.length; i++) {
                double a = (1 - levels[i] / 100.0) / 2;
                lo[i][k - 1] = inverse(z + ResidualQuantiles.at(grid[k - 1], a), s);
                hi[i][k - 1] = inverse(z + ResidualQuantiles.at(grid[k - 1], 1 - a), s);
            }
        }
        return new Forecast(mean, levels.clone(), lo, hi);
    }

    private void checkFutureCovariates(SeriesFrame frame, int h) {
        StringBuilder missing = new StringBuilder();
        int n = frame.n();
        for (int c = 0; c < spec.covariates().size(); c++) {
            List<String> periods = new ArrayList<>();
            for (int k = 0; k < h; k++) {
                if (!Double.isFinite(frame.covariates()[c][n + k])) {
                    periods.add(format(frame.times()[n + k]));
                }
            }
            if (!periods.isEmpty()) {
                missing.append(missing.length() == 0 ? "" : "; ").append(spec.covariates().get(c)).append(" at ")
                        .append(periods.size() > 6 ? String.join(", ", periods.subList(0, 6)) + " and "
                                + (periods.size() - 6) + " more" : String.join(", ", periods));
            }
        }
        if (missing.length() > 0) {
            throw new IllegalArgumentException("series '" + frame.key() + "': missing future values of covariates: "
                    + missing + " (FORECAST(future => ...) must give every covariate for every forecast period)");
        }
    }

    private String format(long time) {
        return spec.timeKind() == TimeKind.EPOCH_DAY ? LocalDate.ofEpochDay(time).toString()
                : Instant.ofEpochMilli(time).toString();
    }

    /** The model as bytes: magic "FSGR", {@link #FORMAT_VERSION}, then {@link #write}. */
    @Override
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #toBytes()} output; rejects foreign bytes and newer format versions. */
    public static GlobalRegressionModel fromBytes(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a global regression model state (bad magic number)");
        }
        int version = in.readInt();
        if (version > FORMAT_VERSION) {
            throw new IOException("global regression state has format version " + version + "; this driver reads up to "
                    + FORMAT_VERSION + ": upgrade the driver");
        }
        return read(in, version);
    }

    /** Writes the state (without magic and version). */
    public void write(DataOutput out) throws IOException {
        GlobalRegressionCodec.write(this, out);
    }

    /** Reads a state written by {@link #write}. */
    public static GlobalRegressionModel read(DataInput in, int version) throws IOException {
        return GlobalRegressionCodec.read(in, version);
    }
}
