package org.forecastsql.storage;

/**
 * One row of a model version's stored backtest metrics (DESIGN §4). {@code NaN} metrics are stored as
 * NULL and read back as {@code NaN}.
 *
 * @param seriesIndex the series, or {@link #OVERALL} (-1) for the row over all series
 * @param method      the method scored
 * @param n           forecast points scored
 */
public record BacktestRecord(int seriesIndex, String method, long n, double mae, double rmse, double mape,
        double smape, double mase, double wape, double bias, double coverage80, double coverage95) {

    /** The {@code seriesIndex} of the overall row. */
    public static final int OVERALL = -1;
}
