package org.forecastsql.engine.model;

import java.io.DataOutput;
import java.io.IOException;

/**
 * A fitted model of one series: immutable, thread-safe, serialisable.
 *
 * <p>Produced by {@link ModelFamily#fit}; read back by {@link ModelFamily#read}. Forecasting
 * never refits.
 */
public interface FittedModel {

    /** The family's method name, e.g. {@code "snaive"} or {@code "arima"}. */
    String method();

    /** A short human-readable description, e.g. {@code "ARIMA(0,1,1)(0,1,1)[12]"}. */
    String description();

    /**
     * Forecasts {@code h} periods after the end of the training series.
     *
     * @param h          periods ahead, at least 1
     * @param levels     interval levels in percent, ascending, each in (0, 100)
     * @param futureXreg future values of the training regressors, {@code futureXreg[j][t]}
     *                   for t in [0, h); empty when the model has no regressors
     */
    Forecast forecast(int h, double[] levels, double[][] futureXreg);

    /** Whether forecasting needs the future values of the training regressors. */
    default boolean needsFutureRegressors() {
        return ModelFamilies.byMethod(method()).usesRegressors();
    }

    /** The longest horizon {@link #forecast} accepts (global models are trained for a horizon; local ones forecast any). */
    default int maxHorizon() {
        return Integer.MAX_VALUE;
    }

    /** One-step-ahead in-sample fitted values, same length as the training series (NaN where undefined). */
    double[] fitted();

    /** Writes the fitted state (without the method name or format version: {@link ModelCodec} adds those). */
    void write(DataOutput out) throws IOException;
}
