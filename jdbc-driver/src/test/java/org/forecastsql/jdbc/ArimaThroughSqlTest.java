package org.forecastsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code methods=arima} through SQL: M3 series, and a regressor with future values. */
class ArimaThroughSqlTest extends DriverTestSupport {
    /** M3 monthly series N1402 and N1403 (training parts, 50 months each), from shared/data/m3/train.csv. */
    private static final double[] N1402 = {2640, 2640, 2160, 4200, 3360, 2400, 3600, 1920, 4200, 4560, 480, 3720, 5640, 2880,
        1800, 3120, 2400, 2520, 9000, 2640, 3120, 2880, 8760, 5160, 2160, 8280, 4920, 3120, 6600, 4080, 5880, 1680, 6720,
        2040, 6480, 1920, 3600, 2040, 2760, 3840, 960, 2280, 1320, 2160, 4800, 3000, 3120, 5880, 2640, 2400};
    private static final double[] N1403 = {1680, 1920, 120, 1080, 840, 1440, 480, 720, 4080, 1560, 480, 720, 6120, 2040,
        3960, 2160, 120, 1200, 1080, 1080, 1080, 2160, 240, 1440, 1200, 1560, 2520, 600, 1560, 3240, 7440, 480, 2640, 960,
        3120, 1200, 960, 480, 600, 120, 2640, 720, 600, 840, 1320, 2160, 1200, 1800, 1320, 600};

    @Test
    void m3SeriesGetTheModelRChoseAndItsForecast() throws Exception {
        exec("CREATE TABLE m3(series_id VARCHAR(8), month DATE, y DOUBLE)");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO m3 VALUES (?, ?, ?)")) {
            for (Object[] s : new Object[][] {{"N1402", N1402}, {"N1403", N1403}}) {
                double[] y = (double[]) s[1];
                for (int t = 0; t < y.length; t++) {
                    ps.setString(1, (String) s[0]);
                    ps.setDate(2, Date.valueOf(LocalDate.of(1990, 1, 1).plusMonths(t)));
                    ps.setDouble(3, y[t]);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        List<Map<String, Object>> train = query("SELECT * FROM TABLE(TRAIN_MODEL('m3', 'm3', "
                + "'series=series_id; methods=arima; season=12; horizon=18; lower_bound=none'))");
        train.forEach(r -> {
            assertEquals("arima", r.get("METHOD"));
            assertEquals("ok", r.get("STATUS"));
        });
        // R 4.2.2 / forecast 8.20: auto.arima(ts(y, frequency = 12)) chooses "ARIMA(0,0,0) with non-zero mean"
        // for both (as in shared/data/m3/peers/fits_r.csv.gz); forecast(h = 18, level = c(80, 95)) gives
        // N1402: mean 3609.6, upper 95% 7432.211666, lower 95% -213.011666; N1403: mean 1593.6,
        // upper 95% 4382.567345, lower 80% -230.007727 (flat over the horizon).
        Object[][] golden = {{"N1402", 3609.6, 7432.211666, "LO_95", -213.011666}, {"N1403", 1593.6, 4382.567345, "LO_80", -230.007727}};
        for (Object[] g : golden) {
            List<Map<String, Object>> f = query("SELECT * FROM TABLE(FORECAST('m3')) WHERE series_id = '" + g[0] + "' ORDER BY month");
            assertEquals(18, f.size());
            assertEquals(Date.valueOf("1994-03-01"), f.get(0).get("MONTH"));
            for (Map<String, Object> r : f) {
                assertEquals((double) g[1], num(r.get("FORECAST")), 1e-4);
                assertEquals((double) g[2], num(r.get("HI_95")), 1e-3);
                assertEquals((double) g[4], num(r.get(g[3])), 1e-3);
            }
        }
        Map<String, Object> overall = query("SELECT * FROM TABLE(EVALUATE('m3')) WHERE method = 'overall'").get(0);
        // 3 folds of 18 months need 54 points before the first window; with 50, two windows run per series
        assertEquals(2 * 2 * 18L, overall.get("N"));
        assertTrue(num(overall.get("MASE")) > 0);
    }

    /**
     * {@code arima_search} reaches the family: on a long daily series (600 days, a weekly profile that
     * drifts as a seasonal random walk) the default fast search and R's step-by-step one choose
     * different models, and each SQL forecast is that of the engine's family with the same search.
     * (How each search compares with R is tested in the engine: AutoArimaTest, ArimaMultiSeasonTest.)
     */
    @Test
    void theOrderSearchCanBeRsStepByStepOne() throws Exception {
        int n = 600;
        Random rnd = new Random(2);
        double[] week = new double[7];
        for (int k = 0; k < 7; k++) {
            week[k] = 20 * rnd.nextGaussian();
        }
        double level = 200 + 50 * rnd.nextDouble();
        double u = 0;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            u = 0.7 * u + 5 * rnd.nextGaussian();
            level += 0.3 * rnd.nextGaussian();
            week[t % 7] += 2 * rnd.nextGaussian();
            y[t] = level + week[t % 7] + u;
        }
        exec("CREATE TABLE visits(day DATE, n DOUBLE)");
        LocalDate start = LocalDate.of(2023, 1, 2);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO visits VALUES (?, ?)")) {
            for (int t = 0; t < n; t++) {
                ps.setDate(1, Date.valueOf(start.plusDays(t)));
                ps.setDouble(2, y[t]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        String common = "methods=arima; season=7; horizon=14; folds=1; lower_bound=none";
        query("SELECT * FROM TABLE(TRAIN_MODEL('fast_search', 'visits', '" + common + "'))");
        query("SELECT * FROM TABLE(TRAIN_MODEL('exact_search', 'visits', '" + common + "; arima_search=exact'))");
        org.forecastsql.engine.model.TrainingSeries series = org.forecastsql.engine.model.TrainingSeries.of(y, 7);
        org.forecastsql.engine.arima.ArimaFamily family = new org.forecastsql.engine.arima.ArimaFamily();
        org.forecastsql.engine.model.FittedModel fast = family.fit(series);
        org.forecastsql.engine.model.FittedModel exact = family.configured(Map.of("arima_search", "exact")).fit(series);
        assertTrue(!fast.description().equals(exact.description()), fast.description() + " vs " + exact.description());
        double[] fastMean = fast.forecast(14, new double[] {95}, new double[0][]).mean();
        double[] exactMean = exact.forecast(14, new double[] {95}, new double[0][]).mean();
        List<Map<String, Object>> f = query("SELECT * FROM TABLE(FORECAST('fast_search')) ORDER BY day");
        List<Map<String, Object>> e = query("SELECT * FROM TABLE(FORECAST('exact_search')) ORDER BY day");
        for (int h = 0; h < 14; h++) {
            assertEquals(fastMean[h], num(f.get(h).get("FORECAST")), 1e-9 * Math.abs(fastMean[h]));
            assertEquals(exactMean[h], num(e.get(h).get("FORECAST")), 1e-9 * Math.abs(exactMean[h]));
        }
    }

    @Test
    void aRegressorWithFutureValuesMovesTheForecast() throws Exception {
        exec("CREATE TABLE promo_sales(day DATE, units DOUBLE, promo INT)",
                "CREATE TABLE plan_on(day DATE, promo INT)", "CREATE TABLE plan_off(day DATE, promo INT)");
        Random r = new Random(7);
        LocalDate start = LocalDate.of(2024, 1, 1);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO promo_sales VALUES (?, ?, ?)")) {
            for (int t = 0; t < 200; t++) {
                int promo = r.nextInt(5) == 0 ? 1 : 0;
                ps.setDate(1, Date.valueOf(start.plusDays(t)));
                ps.setDouble(2, 50 + 8 * promo + r.nextGaussian());
                ps.setInt(3, promo);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (int t = 200; t < 205; t++) {
            exec("INSERT INTO plan_on VALUES (DATE '" + start.plusDays(t) + "', 1)",
                    "INSERT INTO plan_off VALUES (DATE '" + start.plusDays(t) + "', 0)");
        }
        exec("SELECT * FROM TABLE(TRAIN_MODEL('promo', 'promo_sales', 'target=units; methods=arima; season=none; horizon=5'))");
        SQLException e = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(FORECAST('promo', 5))"));
        assertEquals("22F02", e.getSQLState());
        assertTrue(e.getMessage().contains("promo"), e.getMessage());
        List<Map<String, Object>> on = query("SELECT * FROM TABLE(FORECAST(model => 'promo', horizon => 5, future => 'plan_on')) ORDER BY day");
        List<Map<String, Object>> off = query("SELECT * FROM TABLE(FORECAST(model => 'promo', horizon => 5, future => 'plan_off')) ORDER BY day");
        for (int k = 0; k < 5; k++) {
            double lift = num(on.get(k).get("FORECAST")) - num(off.get(k).get("FORECAST"));
            assertEquals(8, lift, 0.5, "the promotion's effect (8 units in the data)");
        }
        SQLException partial = assertThrows(SQLException.class, () -> query(
                "SELECT * FROM TABLE(FORECAST(model => 'promo', horizon => 5, future => 'SELECT * FROM plan_on WHERE day < DATE ''2024-07-21'''))"));
        assertEquals("22F02", partial.getSQLState());
        assertTrue(partial.getMessage().contains("2024-07-21") || partial.getMessage().contains("2024-07-22"), partial.getMessage());
    }
}
