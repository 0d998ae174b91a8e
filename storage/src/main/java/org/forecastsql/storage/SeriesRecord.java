package org.forecastsql.storage;

/**
 * The stored fit of one series in a model version.
 *
 * @param seriesIndex the series' index within the version (unique, 0-based by convention)
 * @param keyText     the series key as text, for display and matching
 * @param method      the method chosen (or {@code ensemble})
 * @param nObs        observations the fit used
 * @param status      {@code ok} or {@code fallback: <reason>}
 * @param mase        backtest MASE ({@code NaN} when unknown; stored as NULL)
 * @param smape       backtest sMAPE ({@code NaN} when unknown; stored as NULL)
 * @param state       opaque fitted-model bytes (may be {@code null})
 */
public record SeriesRecord(int seriesIndex, String keyText, String method, int nObs, String status,
        double mase, double smape, byte[] state) {
}
