package org.forecastsql.engine.train;

import java.util.HashMap;
import java.util.Map;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.series.Frequency;
import org.forecastsql.engine.series.TimeEncoding;

/**
 * Scores a stored model's forecast against actuals that arrived later: actual points are matched
 * to the forecast periods by time; a forecast period without an actual is counted as missing, an
 * actual outside the horizon is ignored, and duplicate actuals for one period are summed (as in
 * training).
 */
public final class ActualsScorer {
    private static final double[] LEVELS = {80, 95};

    private ActualsScorer() {
    }

    /**
     * @param times  the actuals' times (any order) in {@code encoding}
     * @param values the actual values, NaN for NULL (counted as missing)
     */
    public static Accuracy score(SeriesState state, int horizon, long[] times, double[] values, int from, int to,
                                 int[] rowIndex, Frequency frequency, TimeEncoding encoding) {
        Map<Long, Double> actual = new HashMap<>();
        for (int i = from; i < to; i++) {
            int r = rowIndex[i];
            actual.merge(times[r], values[r], Double::sum);
        }
        Accuracy acc = new Accuracy();
        long[] future = state.futureTimes(horizon, frequency, encoding);
        Forecast f = state.forecast(horizon, LEVELS, new double[0][]);
        for (int k = 0; k < horizon; k++) {
            Double a = actual.get(future[k]);
            acc.add(a == null ? Double.NaN : a, f.mean()[k], state.maseScale(),
                    f.lower()[0][k], f.upper()[0][k], f.lower()[1][k], f.upper()[1][k]);
        }
        return acc;
    }
}
