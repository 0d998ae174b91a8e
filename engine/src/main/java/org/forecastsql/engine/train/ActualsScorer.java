package org.forecastsql.engine.train;

import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.model.Forecast;

/**
 * Scores a stored model's forecast against actuals that arrived later. The caller lines the
 * actuals up with the forecast periods ({@link SeriesState#futureTimes}); a period without an
 * actual (NaN) or without a forecast (a regressor's value is missing) counts as missing.
 */
public final class ActualsScorer {
    private static final double[] LEVELS = {80, 95};

    private ActualsScorer() {
    }

    /**
     * @param actual     actual value per forecast period, NaN where none arrived
     * @param futureXreg the regressors' values over the same periods (empty when the model has none)
     */
    public static Accuracy score(SeriesState state, double[] actual, double[][] futureXreg) {
        int h = actual.length;
        Forecast f = state.forecast(h, LEVELS, futureXreg);
        Accuracy acc = new Accuracy();
        for (int k = 0; k < h; k++) {
            acc.add(actual[k], f.mean()[k], state.maseScale(), f.lower()[0][k], f.upper()[0][k], f.lower()[1][k], f.upper()[1][k]);
        }
        return acc;
    }
}
