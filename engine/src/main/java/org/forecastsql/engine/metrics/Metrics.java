package org.forecastsql.engine.metrics;

/** Accuracy figures (see {@link Accuracy} for the definitions); NaN where undefined. */
public record Metrics(long n, long missing, double mae, double rmse, double mape, double smape, double mase,
                      double wape, double bias, double coverage80, double coverage95) {
}
