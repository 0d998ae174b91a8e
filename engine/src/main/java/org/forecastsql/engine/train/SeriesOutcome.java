package org.forecastsql.engine.train;

import java.util.Map;
import org.forecastsql.engine.metrics.Accuracy;

/**
 * The training outcome of one series.
 *
 * @param method      the chosen method ("none" when the series had no usable values)
 * @param status      {@code ok} or {@code fallback: <reason>}, followed by notes on the data
 *                    (duplicates summed, gaps filled, missing values interpolated)
 * @param state       what FORECAST needs, see {@link SeriesState}
 * @param backtest    rolling-origin accuracy of the chosen method
 * @param byMethod    rolling-origin accuracy of every candidate method that was backtested
 */
public record SeriesOutcome(String method, String description, String status, int nObs, SeriesState state,
                            Accuracy backtest, Map<String, Accuracy> byMethod) {
}
