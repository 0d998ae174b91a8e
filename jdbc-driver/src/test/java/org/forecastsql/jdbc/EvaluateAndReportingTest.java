package org.forecastsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EVALUATE, and what a nightly reporting job does: join forecasts with inventory and store forecast_snapshots. */
class EvaluateAndReportingTest extends DriverTestSupport {

    @Test
    void backtestPerSeriesAndOverall() throws Exception {
        createWeeklySales(2, 100);
        exec("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; horizon=7; folds=3; methods=snaive,naive'))");
        List<Map<String, Object>> rows = query("SELECT * FROM TABLE(EVALUATE('demand'))");
        List<Map<String, Object>> perSeries = rows.stream()
                .filter(r -> r.get("STORE_ID") != null && Boolean.TRUE.equals(r.get("CHOSEN"))).toList();
        assertEquals(4, perSeries.size());
        // next to each series' chosen method, the other candidate's backtest on the same windows
        assertEquals(8, rows.stream().filter(r -> r.get("STORE_ID") != null).count());
        // the data repeats weekly apart from a 3-day cycle: seasonal naive wins, 3 folds x 7 days each
        perSeries.forEach(r -> {
            assertEquals("snaive", r.get("METHOD"));
            assertEquals(21L, r.get("N"));
        });
        Map<String, Object> overall = rows.stream().filter(r -> "overall".equals(r.get("METHOD"))).findFirst().orElseThrow();
        assertNull(overall.get("STORE_ID"));
        assertEquals(84L, overall.get("N"));
        Map<String, Object> naive = rows.stream().filter(r -> r.get("STORE_ID") == null && "naive".equals(r.get("METHOD")))
                .findFirst().orElseThrow();
        assertTrue(num(naive.get("MAE")) > num(overall.get("MAE")), "naive must be worse than the chosen snaive");
    }

    @Test
    void backtestNeverSeesItsOwnFuture() throws Exception {
        // mean of the first 20 values (0..19) is 9.5: a backtest window fitted on 20 points that saw
        // the future jump to 1000 would forecast far above it
        exec("CREATE TABLE jump(day DATE, y DOUBLE)");
        exec("INSERT INTO jump SELECT DATEADD(DAY, x, DATE '2024-01-01'), CASE WHEN x < 20 THEN x ELSE 1000 END FROM SYSTEM_RANGE(0, 24) t(x)");
        exec("SELECT * FROM TABLE(TRAIN_MODEL('jump', 'jump', 'methods=mean; season=none; horizon=5; folds=1'))");
        Map<String, Object> r = query("SELECT * FROM TABLE(EVALUATE('jump')) WHERE method = 'overall'").get(0);
        assertEquals(1000 - 9.5, num(r.get("MAE")), 1e-9);
        assertEquals(-(1000 - 9.5), num(r.get("BIAS")), 1e-9);
    }

    @Test
    void actualsThatArriveLaterAreScoredAndMissingOnesCounted() throws Exception {
        exec("CREATE TABLE s(k VARCHAR(5), day DATE, y DOUBLE)");
        exec("INSERT INTO s SELECT 'a', DATEADD(DAY, x, DATE '2024-01-01'), 10 FROM SYSTEM_RANGE(0, 29) t(x)");
        exec("INSERT INTO s SELECT 'b', DATEADD(DAY, x, DATE '2024-01-01'), 20 FROM SYSTEM_RANGE(0, 29) t(x)");
        exec("SELECT * FROM TABLE(TRAIN_MODEL('flat', 's', 'series=k; methods=naive; horizon=4'))");
        // actuals for the 4 forecast days of 'a' (12 each: error 2), two days of 'b' (20: error 0), and one unknown series
        exec("CREATE TABLE later(k VARCHAR(5), day DATE, y DOUBLE)",
                "INSERT INTO later SELECT 'a', DATEADD(DAY, x, DATE '2024-01-31'), 12 FROM SYSTEM_RANGE(0, 3) t(x)",
                "INSERT INTO later VALUES ('b', DATE '2024-01-31', 20), ('b', DATE '2024-02-01', 20), ('z', DATE '2024-01-31', 1)");
        List<Map<String, Object>> rows = query("SELECT * FROM TABLE(EVALUATE(model => 'flat', actuals => 'later'))");
        Map<String, Object> a = rows.stream().filter(r -> "a".equals(r.get("K"))).findFirst().orElseThrow();
        Map<String, Object> b = rows.stream().filter(r -> "b".equals(r.get("K"))).findFirst().orElseThrow();
        Map<String, Object> all = rows.stream().filter(r -> "overall".equals(r.get("METHOD"))).findFirst().orElseThrow();
        assertEquals(4L, a.get("N"));
        assertEquals(2, num(a.get("MAE")), 1e-12);
        assertEquals(2L, b.get("N"));
        assertEquals(2L, b.get("MISSING"));
        assertEquals(0, num(b.get("MAE")), 1e-12);
        assertEquals(6L, all.get("N"));
        assertEquals(2L, all.get("MISSING"));
        assertEquals(8.0 / 6, num(all.get("MAE")), 1e-12);
    }

    @Test
    void forecastJoinsInventoryAndPushesTheInventoryScanIntoH2() throws Exception {
        createWeeklySales(2, 60);
        exec("CREATE TABLE inventory(store_id INT, sku VARCHAR(20), on_hand INT, lead_time_days INT)",
                "INSERT INTO inventory VALUES (1, 'SKU-1', 10, 7), (1, 'SKU-2', 100000, 7), (2, 'SKU-1', 50, 3), (2, 'SKU-2', 0, 3)");
        exec("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; methods=snaive'))");
        String report = "SELECT i.store_id, i.sku, i.on_hand, SUM(f.forecast) AS demand_28d, SUM(f.hi_95) AS demand_28d_p95 "
                + "FROM TABLE(FORECAST('demand', 28)) f JOIN inventory i ON i.store_id = f.store_id AND i.sku = f.sku "
                + "WHERE i.on_hand < 1000 GROUP BY i.store_id, i.sku, i.on_hand HAVING SUM(f.hi_95) > i.on_hand ORDER BY i.store_id, i.sku";
        List<Map<String, Object>> rows = query(report);
        assertEquals(3, rows.size(), "the overstocked SKU drops out");
        double total = 0;
        for (Map<String, Object> r : query("SELECT forecast FROM TABLE(FORECAST('demand', 28)) WHERE store_id = 1 AND sku = 'SKU-1'")) {
            total += num(r.get("FORECAST"));
        }
        assertEquals(total, num(rows.get(0).get("DEMAND_28D")), 1e-9);
        String plan = query("EXPLAIN PLAN FOR " + report).get(0).values().iterator().next().toString();
        assertTrue(plan.contains("JdbcToEnumerableConverter") && plan.contains("JdbcFilter"), plan);
    }

    @Test
    void insertSelectStoresAForecastSnapshotInOneTransaction() throws Exception {
        createWeeklySales(1, 60);
        exec("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku'))");
        exec("CREATE TABLE forecast_snapshot(store_id INT, sku VARCHAR(20), day DATE, forecast DOUBLE, hi_95 DOUBLE)");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO forecast_snapshot SELECT store_id, sku, day, forecast, hi_95 "
                + "FROM TABLE(FORECAST(model => 'demand', horizon => ?))")) {
            ps.setInt(1, 14);
            assertEquals(28, ps.executeUpdate());
        }
        int n = conn.createStatement().executeUpdate("INSERT INTO forecast_snapshot (store_id, sku, day, forecast) "
                + "SELECT store_id, sku, day, forecast FROM TABLE(FORECAST('demand', 7))");
        assertEquals(14, n);
        List<Map<String, Object>> rows = query("SELECT COUNT(*) AS c, MIN(day) AS first_day FROM forecast_snapshot");
        assertEquals(42L, rows.get(0).get("C"));
        assertEquals(Date.valueOf("2024-03-01"), rows.get(0).get("FIRST_DAY"));
        // a failing INSERT ... SELECT (a column too narrow for the values) leaves nothing behind
        exec("CREATE TABLE narrow(sku VARCHAR(2))");
        try {
            conn.createStatement().executeUpdate("INSERT INTO narrow SELECT sku FROM TABLE(FORECAST('demand', 7))");
        } catch (java.sql.SQLException expected) {
            // VARCHAR(2) cannot hold 'SKU-1'
        }
        try (ResultSet rs = conn.createStatement().executeQuery("SELECT COUNT(*) FROM narrow")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }
}
