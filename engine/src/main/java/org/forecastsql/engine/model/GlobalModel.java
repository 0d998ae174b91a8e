package org.forecastsql.engine.model;

import java.util.Map;
import org.forecastsql.engine.features.SeriesFrame;

/**
 * A model fitted once across every series of a training batch (the global regression, the neural
 * network): immutable, thread-safe, stored once per model version as {@link #toBytes() bytes}.
 * Each training series is forecast by its index (the model keeps what it needs of the series'
 * tail); a backtest forecasts from a frame cut at its origin.
 */
public interface GlobalModel {

    /** The family's method name ({@code regression}, {@code neural}). */
    String method();

    /** A short human-readable description, shown in TRAIN_MODEL's DESCRIPTION column. */
    String description();

    /** Training series count; series are indexed {@code 0..seriesCount()-1} in training order. */
    int seriesCount();

    /** The longest horizon the model can forecast (it was trained for). */
    int horizon();

    /**
     * Forecasts training series {@code seriesIndex} from its stored tail.
     *
     * @param futureCovariates {@code [c][k]} for the {@code h} future periods, in the training covariate order
     * @param futureTimes      the {@code h} future time stamps
     * @throws IllegalArgumentException naming the covariates and periods whose future values are missing
     */
    Forecast forecast(int seriesIndex, int h, double[] levels, double[][] futureCovariates, long[] futureTimes);

    /**
     * Forecasts {@code h} periods after the last value of {@code frame}, whose time stamps and
     * covariates extend over those periods (a backtest passes a history cut at its origin).
     */
    Forecast forecast(SeriesFrame frame, int h, double[] levels);

    /** Feature importance, largest magnitude first (empty when the model has none). */
    default Map<String, Double> importance() {
        return Map.of();
    }

    /** Where it was trained: {@code cpu-java} (plain Java on all cores), or the ND4J backend's description. */
    default String backend() {
        return "cpu-java";
    }

    /** The model's state, with its own magic number and format version. */
    byte[] toBytes();
}
