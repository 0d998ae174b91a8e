package org.forecastsql.engine.regression;

import java.io.IOException;
import java.util.List;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.model.GlobalFamily;
import org.forecastsql.engine.model.GlobalModel;
import org.forecastsql.engine.model.ModelFitException;

/**
 * The registry entry of the global regression ({@code methods=regression}): one ridge regression
 * fitted across every series of a batch ({@link GlobalRegression}).
 */
public final class RegressionFamily implements GlobalFamily {
    public static final String METHOD = "regression";

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
        return GlobalRegression.fit(series, GlobalRegression.Options.of(features));
    }

    @Override
    public GlobalModel readGlobal(byte[] bytes) throws IOException {
        return GlobalRegressionModel.fromBytes(bytes);
    }
}
