package org.forecastsql.engine.regression;

import org.forecastsql.engine.model.StateIO;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.forecastsql.engine.features.FeatureBuilder;
import org.forecastsql.engine.features.FeatureSpec;

/**
 * A fitted global gradient-boosted tree model ({@link GbtRegression}, {@code learner=gbt}): the
 * booster, its settings, the gain importance of each feature, interval grids calibrated on
 * held-out rows, and each training series' stored tail ({@link DirectForecastModel}). Immutable
 * and thread-safe.
 */
public final class GbtRegressionModel extends DirectForecastModel {
    /** Serialised state format version. */
    public static final int FORMAT_VERSION = 1;
    static final int MAGIC = 0x46534742; // "FSGB"

    final GbtRegression.Options options;
    final BoostedTrees trees;
    final double[] gain;

    GbtRegressionModel(FeatureSpec spec, GbtRegression.Options options, BoostedTrees trees, long rows,
                       double[] levelCuts, double[][][] quantiles, List<Tail> tails) {
        this(spec, options, trees, trees.gain(new FeatureBuilder(spec).width()), rows,
                levelCuts, quantiles, tails);
    }

    GbtRegressionModel(FeatureSpec spec, GbtRegression.Options options, BoostedTrees trees, double[] gain, long rows,
                       double[] levelCuts, double[][][] quantiles, List<Tail> tails) {
        super(spec, rows, levelCuts, quantiles, tails);
        this.options = options;
        this.trees = trees;
        this.gain = gain;
    }

    @Override
    public String description() {
        return "Global gradient-boosted trees (" + options.trees() + " trees, depth " + options.depth() + ") over "
                + tails.size() + " series";
    }

    /**
     * Feature importance: each feature's share of the total split gain over all trees (non-negative,
     * summing to 1), largest first; features never split on have 0.
     */
    @Override
    public Map<String, Double> importance() {
        return ranked(gain);
    }

    @Override
    double[] predictTransformed(double[][] rows, int[] steps) {
        int p = builder.width();
        float[] flat = new float[rows.length * p];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < p; j++) {
                flat[r * p + j] = (float) rows[r][j];
            }
        }
        return trees.predict(flat, rows.length, p);
    }

    /** The model as bytes: magic "FSGB", {@link #FORMAT_VERSION}, then {@link GbtRegressionCodec}'s layout. */
    @Override
    public byte[] toBytes() {
        return StateIO.envelope(MAGIC, FORMAT_VERSION, out -> GbtRegressionCodec.write(this, out));
    }

    /** Reads {@link #toBytes()} output; rejects foreign bytes and newer format versions. */
    public static GbtRegressionModel fromBytes(byte[] bytes) throws IOException {
        StateIO.Opened state = StateIO.open(bytes, MAGIC, FORMAT_VERSION, "gradient-boosted regression");
        return GbtRegressionCodec.read(state.in(), state.version());
    }
}
