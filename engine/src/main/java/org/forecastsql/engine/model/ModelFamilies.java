package org.forecastsql.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forecastsql.engine.arima.ArimaFamily;
import org.forecastsql.engine.baseline.BaselineFamilies;
import org.forecastsql.engine.ets.EtsFamily;
import org.forecastsql.engine.theta.ThetaFamily;

/** The registry of model families, by method name. */
public final class ModelFamilies {
    private static final Map<String, ModelFamily> BY_METHOD = new LinkedHashMap<>();

    static {
        for (ModelFamily f : BaselineFamilies.all()) {
            register(f);
        }
        register(new ArimaFamily());
        register(new EtsFamily());
        register(new ThetaFamily());
        register(new org.forecastsql.engine.regression.RegressionFamily());
        register(new org.forecastsql.engine.neural.NeuralFamily());
        register(new org.forecastsql.engine.ensemble.EnsembleFamily());
    }

    private ModelFamilies() {
    }

    private static void register(ModelFamily family) {
        BY_METHOD.put(family.method(), family);
    }

    /** Every registered family, in registration order. */
    public static List<ModelFamily> all() {
        return List.copyOf(BY_METHOD.values());
    }

    /** The local (per-series) families: what {@code methods=auto} chooses among today. */
    public static List<ModelFamily> local() {
        return BY_METHOD.values().stream().filter(f -> !f.isGlobal() && !f.isComposite()).toList();
    }

    public static boolean exists(String method) {
        return BY_METHOD.containsKey(method);
    }

    public static ModelFamily byMethod(String method) {
        ModelFamily f = BY_METHOD.get(method);
        if (f == null) {
            throw new IllegalArgumentException("unknown method '" + method + "'; methods: " + String.join(", ", BY_METHOD.keySet()));
        }
        return f;
    }
}
