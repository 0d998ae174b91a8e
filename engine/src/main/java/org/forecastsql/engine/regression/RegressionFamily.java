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
    /** The fewest observations a series needs (rolling windows of 28 days plus weekly lags). */
    public static final int MIN_LENGTH = 57;

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public int minLength(int season) {
        return MIN_LENGTH;
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
