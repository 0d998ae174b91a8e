package org.forecastsql.engine.train;

import java.util.Map;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.series.Frequency;

/**
 * The outcome of training a batch.
 *
 * @param frequency      the frequency used (given or inferred)
 * @param horizon        the horizon used for backtests and as FORECAST's default
 * @param series         per-series outcomes, indexed by series id
 * @param overall        the chosen methods' backtest accuracy pooled over all series
 * @param overallByMethod each backtested method's accuracy pooled over the series it ran on
 * @param backend        where the version was trained: {@code cpu-java}, then each global model's
 *                       own backend where it differs (e.g. {@code neural: ND4J CpuBackend (nd4j-native, CPU), 1 thread})
 * @param sharedState    the global models (regression, neural) as {@link org.forecastsql.engine.model.SharedModels} bytes, stored once per version (empty when none)
 */
public record BatchResult(Frequency frequency, int horizon, SeriesOutcome[] series, Accuracy overall,
                          Map<String, Accuracy> overallByMethod, String backend, byte[] sharedState) {
}
