package org.forecastsql.examples;

import java.time.LocalDate;

/**
 * The SQL the retail demo sends, in the syntax of DESIGN section 2, built for the demo's options
 * (the horizon is the holdout length). Model names are literals, as the contract requires.
 */
final class RetailQueries {

    /** The model trained with {@link #METHODS}. */
    static final String MODEL = "demand";
    /**
     * The demo's candidate methods, chosen per series by backtest: the global regression over
     * calendar, Chinese holidays (the Spring Festival), lags, price and promotion, against the fast
     * local methods. {@code ets} and {@code arima} are left out: on three years of daily data their
     * model searches cost about a second per fit, and each series is fitted once per backtest window
     * plus once at the end, which would make the demo take many minutes on two cores.
     */
    static final String METHODS = "regression,snaive,theta,drift,naive; holidays=CN";
    /** The seasonal-naive benchmark model. */
    static final String BENCHMARK = "demand_snaive";

    /**
     * The overall row of EVALUATE: per-series rows carry their key; rows without a key summarise
     * all series, one per candidate method in the backtest plus the one whose METHOD is
     * {@code overall} (what the model as trained scored).
     */
    static final String OVERALL_ROW = "store_id IS NULL AND sku IS NULL AND method = 'overall'";

    /** Planned prices and promotions of the forecast days: covariates known in advance. */
    static final String FUTURE = "SELECT store_id, sku, sale_date, price, promo FROM promo_plan";

    private final int horizon;
    private final LocalDate firstForecastDay;

    RetailQueries(RetailOptions options) {
        this.horizon = options.holdoutDays();
        this.firstForecastDay = options.firstHoldoutDay();
    }

    /** TRAIN_MODEL over a CURSOR of the history, with {@code extraOptions} appended (may be empty). */
    String train(String model, String extraOptions) {
        return "SELECT * FROM TABLE(TRAIN_MODEL("
                + "model => '" + model + "', "
                + "input => CURSOR(SELECT store_id, sku, sale_date, units, price, promo FROM sales), "
                + "options => 'series=store_id,sku; time=sale_date; target=units; horizon=" + horizon
                + "; season=auto" + extraOptions + "'))";
    }

    /** The FORECAST table expression for the demo's model over the holdout days. */
    String forecast(String model) {
        return "TABLE(FORECAST(model => '" + model + "', horizon => " + horizon
                + ", future => '" + FUTURE + "'))";
    }

    /** Every forecast row, for counting and timing. */
    String allForecasts() {
        return "SELECT * FROM " + forecast(MODEL);
    }

    /** The forecast rows of one series, in time order. */
    String seriesForecast(String store, String sku) {
        return "SELECT * FROM " + forecast(MODEL) + " f WHERE f.store_id = '" + store + "' AND f.sku = '" + sku
                + "' ORDER BY f.sale_date";
    }

    /** Daily totals over all series: forecast against the actuals that arrived later. */
    String dailyTotals() {
        return "SELECT f.sale_date, CAST(ROUND(SUM(f.forecast), 0) AS INTEGER) AS forecast, SUM(h.units) AS actual,"
                + " CAST(ROUND(SUM(f.forecast) - SUM(h.units), 0) AS INTEGER) AS error"
                + " FROM " + forecast(MODEL) + " f"
                + " JOIN sales_holdout h ON h.store_id = f.store_id AND h.sku = f.sku AND h.sale_date = f.sale_date"
                + " GROUP BY f.sale_date ORDER BY f.sale_date";
    }

    /** The overall backtest row stored at training. */
    String backtest(String model) {
        return "SELECT n, mae, rmse, smape, mase, wape, bias, coverage_80, coverage_95"
                + " FROM TABLE(EVALUATE('" + model + "')) WHERE " + OVERALL_ROW;
    }

    /** The backtest summary of every candidate method (and the overall row), best MASE first. */
    String backtestByMethod(String model) {
        return "SELECT method, n, mae, smape, mase, wape, coverage_80, coverage_95"
                + " FROM TABLE(EVALUATE('" + model + "')) WHERE store_id IS NULL AND sku IS NULL ORDER BY mase";
    }

    /** The overall row of the stored forecast scored against the holdout actuals. */
    String holdout(String model) {
        return "SELECT n, mae, rmse, smape, mase, wape, bias, coverage_80, coverage_95"
                + " FROM TABLE(EVALUATE(model => '" + model + "', actuals => 'sales_holdout')) WHERE " + OVERALL_ROW;
    }

    /**
     * The reorder report: for each store and SKU, expected demand over its supplier lead time, a
     * safety stock for a 95 percent service level, and the order that lifts stock on hand to
     * their sum (the reorder point) where it is short. Daily forecast errors are taken as
     * independent normals whose standard deviation is read off the 95 percent bound,
     * {@code sigma_d = (hi_95 - forecast) / 1.96}, so the safety stock is
     * {@code 1.645 * sqrt(sum sigma_d^2)} (summing the daily upper bounds instead would overstate
     * the risk of the whole lead time).
     */
    String reorder() {
        String sigma = "(f.hi_95 - f.forecast) / 1.96";
        String safety = "1.645 * SQRT(SUM(" + sigma + " * " + sigma + "))";
        return "SELECT i.store_id, i.sku, i.on_hand, i.lead_time_days,"
                + " CAST(ROUND(SUM(f.forecast), 0) AS INTEGER) AS demand_lead_time,"
                + " CAST(CEIL(" + safety + ") AS INTEGER) AS safety_stock,"
                + " CAST(CEIL(SUM(f.forecast) + " + safety + ") AS INTEGER) - i.on_hand AS suggested_order"
                + " FROM " + forecast(MODEL) + " f"
                + " JOIN inventory i ON i.store_id = f.store_id AND i.sku = f.sku"
                + " WHERE f.sale_date < TIMESTAMPADD(DAY, i.lead_time_days, DATE '" + firstForecastDay + "')"
                + " GROUP BY i.store_id, i.sku, i.on_hand, i.lead_time_days"
                + " HAVING SUM(f.forecast) + " + safety + " > i.on_hand"
                + " ORDER BY suggested_order DESC, i.store_id, i.sku";
    }

    /** The model catalogue. */
    static String models() {
        return "SELECT name, version, created, series_count, methods FROM FORECAST_MODELS ORDER BY name";
    }
}
