package org.forecastsql.engine.regression;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.model.GlobalFamily;
import org.forecastsql.engine.model.GlobalModel;
import org.forecastsql.engine.model.ModelFitException;

/**
 * The registry entry of the global regression ({@code methods=regression}): one model fitted across
 * every series of a batch, by the learner chosen with TRAIN_MODEL's {@code learner} option: ridge
 * regression ({@link GlobalRegression}, the default) or gradient-boosted trees ({@link GbtRegression}).
 */
public final class RegressionFamily implements GlobalFamily {
    public static final String METHOD = "regression";
    /** The option that picks the learner, and its accepted values (the first is the default). */
    public static final String LEARNER_OPTION = "learner";
    public static final List<String> LEARNERS = List.of("ridge", "gbt");

    private final String learner;

    public RegressionFamily() {
        this(LEARNERS.get(0));
    }

    private RegressionFamily(String learner) {
        this.learner = learner;
    }

    /** The learner this instance fits: {@code ridge} or {@code gbt}. */
    public String learner() {
        return learner;
    }

    @Override
    public GlobalFamily configured(Map<String, String> options) {
        String value = options.get(LEARNER_OPTION);
        if (value == null) {
            return this;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!LEARNERS.contains(v)) {
            throw new IllegalArgumentException("bad value '" + value + "' for option " + LEARNER_OPTION
                    + "; accepted: " + String.join(", ", LEARNERS));
        }
        return new RegressionFamily(v);
    }

    @Override
    public String method() {
        return METHOD;
    }

    /** No minimum of its own: a series takes part once its features' windows and lags are full. */
    @Override
    public int minLength(int season) {
        return 1;
    }

    @Override
    public boolean usesRegressors() {
        return true;
    }

    @Override
    public GlobalModel fitGlobal(List<SeriesFrame> series, FeatureSpec features, long seed) throws ModelFitException {
        if (learner.equals("gbt")) {
            return GbtRegression.fit(series, GbtRegression.Options.of(features).withSeed(seed));
        }
        return GlobalRegression.fit(series, GlobalRegression.Options.of(features));
    }

    /** Reads either learner's state, told apart by its magic number. */
    @Override
    public GlobalModel readGlobal(byte[] bytes) throws IOException {
        int magic = bytes.length < 4 ? 0 : new DataInputStream(new ByteArrayInputStream(bytes)).readInt();
        if (magic == GbtRegressionModel.MAGIC) {
            return GbtRegressionModel.fromBytes(bytes);
        }
        return GlobalRegressionModel.fromBytes(bytes);
    }
}
