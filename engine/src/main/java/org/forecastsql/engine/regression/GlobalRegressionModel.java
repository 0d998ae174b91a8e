package org.forecastsql.engine.regression;

import org.forecastsql.engine.model.StateIO;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.forecastsql.engine.features.FeatureBuilder;
import org.forecastsql.engine.features.FeatureSpec;

/**
 * A fitted global regression ({@link GlobalRegression}): per step bucket an intercept and one
 * coefficient per feature, the feature importance (standardised coefficients, row-weighted over
 * buckets), residual quantiles for intervals, and each training series' last
 * {@link FeatureBuilder#historyNeeded()} values (and relative covariates) so it forecasts without
 * the training data ({@link DirectForecastModel}). Immutable and thread-safe.
 */
public final class GlobalRegressionModel extends DirectForecastModel {
    /** Serialised state format version. */
    public static final int FORMAT_VERSION = 1;
    static final int MAGIC = 0x46534752; // "FSGR"

    final int[] edges;
    final double[][] coef;
    final double[] importance;

    GlobalRegressionModel(FeatureSpec spec, int[] edges, double[][] coef, double[] importance, long rows,
                          double[] levelCuts, double[][][] quantiles, List<Tail> tails) {
        super(spec, rows, levelCuts, quantiles, tails);
        this.edges = edges;
        this.coef = coef;
        this.importance = importance;
    }

    @Override
    public String description() {
        return "Global ridge regression over " + tails.size() + " series";
    }

    /**
     * Feature importance: standardised coefficients {@code b_j = beta_j sd_j / sd_z} (signed,
     * row-weighted mean over step buckets), largest magnitude first.
     */
    @Override
    public Map<String, Double> importance() {
        return ranked(importance);
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

    @Override
    double[] predictTransformed(double[][] rows, int[] steps) {
        double[] z = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            z[r] = predictTransformed(rows[r], steps[r]);
        }
        return z;
    }

    /** The model as bytes: magic "FSGR", {@link #FORMAT_VERSION}, then {@link #write}. */
    @Override
    public byte[] toBytes() {
        return StateIO.envelope(MAGIC, FORMAT_VERSION, out -> write(out));
    }

    /** Reads {@link #toBytes()} output; rejects foreign bytes and newer format versions. */
    public static GlobalRegressionModel fromBytes(byte[] bytes) throws IOException {
        StateIO.Opened state = StateIO.open(bytes, MAGIC, FORMAT_VERSION, "global regression model");
        return read(state.in(), state.version());
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
