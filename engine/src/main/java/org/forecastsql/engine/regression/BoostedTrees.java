package org.forecastsql.engine.regression;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.forecastsql.engine.model.ModelFitException;

/**
 * The boosted-tree learner behind {@code learner=gbt}: XGBoost ({@code xgboost4j}, Apache-2.0),
 * histogram trees ({@code tree_method=hist}) with squared error on the transformed target, the
 * library chosen over Smile's {@code GradientTreeBoost} by {@code GbtLibraryBench} (test sources).
 * The only class that touches the library. Immutable after fitting; prediction goes through
 * XGBoost's in-place dense prediction, which is thread-safe.
 */
final class BoostedTrees {
    private static final String FORMAT = "ubj";
    private static final int ROWS_PER_THREAD = 50_000;
    private final Booster booster;

    private BoostedTrees(Booster booster) {
        this.booster = booster;
    }

    /**
     * Boosts trees on {@code rows} rows of {@code p} features ({@code x} row-major) with targets {@code z}.
     *
     * @throws ModelFitException when the library fails or cannot be loaded on this platform
     */
    static BoostedTrees fit(float[] x, float[] z, int rows, int p, GbtRegression.Options options) throws ModelFitException {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "reg:squarederror");
        params.put("tree_method", "hist");
        params.put("max_depth", options.depth());
        params.put("eta", options.learningRate());
        params.put("subsample", options.subsample());
        // small fits gain little from threads and lose much to OpenMP barriers on a busy machine
        params.put("nthread", Math.max(1, Math.min(options.threads(), rows / ROWS_PER_THREAD)));
        params.put("seed", options.seed());
        params.put("verbosity", 0);
        DMatrix train = null;
        try {
            train = new DMatrix(x, rows, p, Float.NaN);
            train.setLabel(z);
            return new BoostedTrees(XGBoost.train(train, params, options.trees(), new HashMap<>(), null, null));
        } catch (XGBoostError | LinkageError e) {
            throw new ModelFitException("gbt: XGBoost failed: " + e.getMessage());
        } finally {
            if (train != null) {
                train.dispose();
            }
        }
    }

    /** The predictions of {@code rows} rows of {@code p} features ({@code x} row-major). */
    double[] predict(float[] x, int rows, int p) {
        float[][] out;
        try {
            out = booster.inplace_predict(x, rows, p, Float.NaN);
        } catch (XGBoostError e) {
            throw new IllegalStateException("gbt: XGBoost prediction failed: " + e.getMessage(), e);
        }
        double[] z = new double[rows];
        for (int r = 0; r < rows; r++) {
            z[r] = out[r][0];
        }
        return z;
    }

    /** Total split gain per feature {@code 0..p-1}, normalised to sum 1 (all 0 for a tree-less model). */
    double[] gain(int p) {
        String[] names = new String[p];
        for (int j = 0; j < p; j++) {
            names[j] = "f" + j;
        }
        Map<String, Double> score;
        try {
            score = booster.getScore(names, "total_gain");
        } catch (XGBoostError e) {
            throw new IllegalStateException("gbt: XGBoost importance failed: " + e.getMessage(), e);
        }
        double[] gain = new double[p];
        double total = 0;
        for (Map.Entry<String, Double> e : score.entrySet()) {
            int j = Integer.parseInt(e.getKey().substring(1));
            gain[j] = e.getValue();
            total += e.getValue();
        }
        for (int j = 0; j < p && total > 0; j++) {
            gain[j] /= total;
        }
        return gain;
    }

    /** The booster in XGBoost's own Universal Binary JSON model format. */
    byte[] toBytes() {
        try {
            return booster.toByteArray(FORMAT);
        } catch (XGBoostError e) {
            throw new IllegalStateException("gbt: XGBoost could not save the booster: " + e.getMessage(), e);
        }
    }

    /** Reads {@link #toBytes()}. */
    static BoostedTrees fromBytes(byte[] bytes) throws IOException {
        try {
            Booster b = XGBoost.loadModel(bytes);
            b.setParam("nthread", 1);
            return new BoostedTrees(b);
        } catch (XGBoostError | LinkageError e) {
            throw new IOException("gbt: XGBoost could not read the stored booster: " + e.getMessage(), e);
        }
    }
}
