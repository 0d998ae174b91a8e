package org.forecastsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TRAIN_MODEL and FORECAST through the real driver on a real H2 file. */
class TrainForecastTest extends DriverTestSupport {

    /** {@code USAccDeaths} (R datasets), monthly 1973-01 … 1978-12. */
    private static final int[] US_ACC_DEATHS = {9007, 8106, 8928, 9137, 10017, 10826, 11317, 10744, 9713, 9938, 9161,
        8927, 7750, 6981, 8038, 8422, 8714, 9512, 10120, 9823, 8743, 9129, 8710, 8680, 8162, 7306, 8124, 7870, 9387, 9556,
        10093, 9620, 8285, 8466, 8160, 8034, 7717, 7461, 7767, 7925, 8623, 8945, 10078, 9179, 8037, 8488, 7874, 8647,
        7792, 6957, 7726, 8106, 8890, 9299, 10625, 9302, 8314, 8850, 8265, 8796, 7836, 6892, 7791, 8192, 9115, 9434,
        10484, 9827, 9110, 9070, 8633, 9240};

    private void createAccidents() throws Exception {
        exec("CREATE TABLE acc(month DATE, deaths INT)");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO acc VALUES (?, ?)")) {
            for (int i = 0; i < US_ACC_DEATHS.length; i++) {
                ps.setDate(1, Date.valueOf(java.time.LocalDate.of(1973, 1, 1).plusMonths(i)));
                ps.setInt(2, US_ACC_DEATHS[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Test
    void seasonalNaiveThroughSqlMatchesR() throws Exception {
        // R 4.2.2, forecast 8.20: snaive(USAccDeaths, h = 15): mean[13] = 7836, lower 80% [13] = 6822.14067,
        // upper 95% [1] = 8932.414346
        createAccidents();
        List<Map<String, Object>> train = query("SELECT * FROM TABLE(TRAIN_MODEL('acc_model', 'acc', 'methods=snaive; season=12; horizon=15'))");
        assertEquals(1, train.size());
        assertEquals("snaive", train.get(0).get("METHOD"));
        assertEquals(72, train.get(0).get("N_OBS"));
        List<Map<String, Object>> f = query("SELECT * FROM TABLE(FORECAST('acc_model')) ORDER BY month");
        assertEquals(15, f.size());
        assertEquals(Date.valueOf("1979-01-01"), f.get(0).get("MONTH"));
        assertEquals(Date.valueOf("1980-03-01"), f.get(14).get("MONTH"));
        assertEquals(7836, num(f.get(12).get("FORECAST")), 1e-9);
        assertEquals(6822.14067, num(f.get(12).get("LO_80")), 1e-5);
        assertEquals(8932.414346, num(f.get(0).get("HI_95")), 1e-5);
        assertEquals("snaive", f.get(0).get("METHOD"));
    }

    @Test
    void naiveThroughSqlMatchesR() throws Exception {
        // R 4.2.2, forecast 8.20: naive(USAccDeaths, h = 5): lower 80% = 8304.265577 ... 7147.634222
        createAccidents();
        exec("SELECT * FROM TABLE(TRAIN_MODEL(model => 'acc_naive', input => 'SELECT month, deaths FROM acc', options => 'methods=naive'))");
        List<Map<String, Object>> f = query("SELECT * FROM TABLE(FORECAST(model => 'acc_naive', horizon => 5))");
        assertEquals(5, f.size());
        assertEquals(8304.265577, num(f.get(0).get("LO_80")), 1e-5);
        assertEquals(7147.634222, num(f.get(4).get("LO_80")), 1e-5);
        assertEquals(12439.99731, num(f.get(4).get("HI_95")), 1e-4);
    }

    @Test
    void ensembleCombinesItsMembersAndEvaluateShowsWhatItGained() throws Exception {
        createAccidents();
        Map<String, Object> r = query("SELECT * FROM TABLE(TRAIN_MODEL('acc_ens', 'acc', "
                + "'methods=ensemble,ets,theta,snaive; horizon=12'))").get(0);
        assertEquals("ensemble", r.get("METHOD"));
        assertTrue(((String) r.get("STATUS")).startsWith("ok; weights: ets "), (String) r.get("STATUS"));
        List<Map<String, Object>> f = query("SELECT * FROM TABLE(FORECAST('acc_ens')) ORDER BY month");
        assertEquals(12, f.size());
        f.forEach(row -> assertTrue(num(row.get("LO_95")) <= num(row.get("LO_80")) && num(row.get("LO_80")) <= num(row.get("FORECAST"))
                && num(row.get("FORECAST")) <= num(row.get("HI_80")) && num(row.get("HI_80")) <= num(row.get("HI_95"))));
        // the ensemble lies within its members' range
        exec("SELECT * FROM TABLE(TRAIN_MODEL('acc_ets', 'acc', 'methods=ets; horizon=12'))",
                "SELECT * FROM TABLE(TRAIN_MODEL('acc_theta', 'acc', 'methods=theta; horizon=12'))",
                "SELECT * FROM TABLE(TRAIN_MODEL('acc_sn', 'acc', 'methods=snaive; horizon=12'))");
        for (int k = 0; k < 12; k++) {
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (String m : List.of("acc_ets", "acc_theta", "acc_sn")) {
                double v = num(query("SELECT forecast FROM TABLE(FORECAST('" + m + "')) ORDER BY month").get(k).get("FORECAST"));
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double e = num(f.get(k).get("FORECAST"));
            assertTrue(e >= lo - 1e-6 && e <= hi + 1e-6, e + " outside [" + lo + ", " + hi + "]");
        }
        List<String> methods = query("SELECT method FROM TABLE(EVALUATE('acc_ens'))").stream()
                .map(x -> (String) x.get("METHOD")).toList();
        assertTrue(methods.containsAll(List.of("overall", "ets", "theta", "snaive", "ensemble")), methods.toString());
    }

    @Test
    void outputKeepsKeyAndTimeNamesAndTypes() throws Exception {
        createWeeklySales(2, 120);
        try (ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM TABLE(TRAIN_MODEL(model => 'demand', "
                + "input => CURSOR(SELECT store_id, sku, day, units FROM sales), "
                + "options => 'series=store_id,sku; time=day; target=units; horizon=14'))")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals("STORE_ID", md.getColumnLabel(1));
            assertEquals(Types.INTEGER, md.getColumnType(1));
            assertEquals("SKU", md.getColumnLabel(2));
            assertEquals(Types.VARCHAR, md.getColumnType(2));
            assertEquals("METHOD", md.getColumnLabel(3));
            List<Map<String, Object>> rows = rows(rs);
            assertEquals(4, rows.size());
            rows.forEach(r -> assertEquals(1, r.get("MODEL_VERSION")));
        }
        try (ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM TABLE(FORECAST('demand', 28))")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(List.of("STORE_ID", "SKU", "DAY", "FORECAST", "LO_80", "HI_80", "LO_95", "HI_95", "METHOD", "MODEL_VERSION"),
                    java.util.stream.IntStream.rangeClosed(1, md.getColumnCount()).mapToObj(i -> {
                        try {
                            return md.getColumnLabel(i);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList());
            assertEquals(Types.DATE, md.getColumnType(3));
            List<Map<String, Object>> rows = rows(rs);
            assertEquals(4 * 28, rows.size());
            // the history ends 2024-04-29 (day 119); forecasts start the day after
            assertTrue(rows.stream().anyMatch(r -> r.get("DAY").equals(Date.valueOf("2024-04-30"))));
            assertTrue(rows.stream().noneMatch(r -> ((Date) r.get("DAY")).before(Date.valueOf("2024-04-30"))));
        }
    }

    @Test
    void seasonAutoFindsTheWeekAndForecastsIt() throws Exception {
        createWeeklySales(1, 140);
        List<Map<String, Object>> train = query("SELECT * FROM TABLE(TRAIN_MODEL('weekly', 'sales', 'series=store_id,sku; methods=snaive'))");
        train.forEach(r -> assertEquals("ok", r.get("STATUS")));
        // a weekly season repeats the last week exactly; the weekend lift (+8, +12) shows up
        List<Map<String, Object>> f = query("SELECT day, forecast FROM TABLE(FORECAST('weekly', 14)) WHERE sku = 'SKU-1' ORDER BY day");
        for (int i = 0; i < 7; i++) {
            assertEquals(num(f.get(i).get("FORECAST")), num(f.get(i + 7).get("FORECAST")), 1e-9);
        }
        double max = f.stream().mapToDouble(r -> num(r.get("FORECAST"))).max().orElseThrow();
        double min = f.stream().mapToDouble(r -> num(r.get("FORECAST"))).min().orElseThrow();
        assertEquals(12, max - min, 1e-9);
    }

    @Test
    void monthEndSeriesContinueWithMonthEndsAcrossTheLeapDay() throws Exception {
        exec("CREATE TABLE m(d DATE, v DOUBLE)");
        exec("INSERT INTO m SELECT LAST_DAY(DATEADD(MONTH, x, DATE '2023-01-01')), 100 + x FROM SYSTEM_RANGE(0, 12) t(x)");
        exec("SELECT * FROM TABLE(TRAIN_MODEL('month_end', 'm', 'methods=drift'))");
        List<Map<String, Object>> f = query("SELECT d FROM TABLE(FORECAST('month_end', 4)) ORDER BY d");
        assertEquals(List.of(Date.valueOf("2024-02-29"), Date.valueOf("2024-03-31"), Date.valueOf("2024-04-30"),
                Date.valueOf("2024-05-31")), f.stream().map(r -> r.get("D")).toList());
    }

    @Test
    void hourlyTimestampsContinueAcrossMidnight() throws Exception {
        exec("CREATE TABLE h(ts TIMESTAMP, load DOUBLE)");
        exec("INSERT INTO h SELECT DATEADD(HOUR, x, TIMESTAMP '2024-03-01 00:00:00'), 50 + MOD(x, 24) FROM SYSTEM_RANGE(0, 24 * 10 - 4) t(x)");
        exec("SELECT * FROM TABLE(TRAIN_MODEL('hourly', 'h', 'methods=snaive'))");
        List<Map<String, Object>> f = query("SELECT ts, forecast FROM TABLE(FORECAST('hourly', 6)) ORDER BY ts");
        assertEquals(Timestamp.valueOf("2024-03-10 21:00:00"), f.get(0).get("TS"));
        assertEquals(Timestamp.valueOf("2024-03-11 02:00:00"), f.get(5).get("TS"));
        // snaive with the detected daily season (24) repeats yesterday's hour
        assertEquals(50 + 21, num(f.get(0).get("FORECAST")), 1e-9);
        assertEquals(50 + 2, num(f.get(5).get("FORECAST")), 1e-9);
    }

    @Test
    void integerPeriodsWithAStep() throws Exception {
        exec("CREATE TABLE p(period INT, y DOUBLE)");
        exec("INSERT INTO p SELECT 1000 + 5 * x, x FROM SYSTEM_RANGE(0, 29) t(x)");
        exec("SELECT * FROM TABLE(TRAIN_MODEL('steps', 'p', 'time=period; methods=drift; season=none'))");
        List<Map<String, Object>> f = query("SELECT period, forecast FROM TABLE(FORECAST('steps', 3)) ORDER BY period");
        assertEquals(List.of(1150, 1155, 1160), f.stream().map(r -> r.get("PERIOD")).toList());
        assertEquals(30, num(f.get(0).get("FORECAST")), 1e-9);
    }

    @Test
    void shortConstantAndEmptySeriesFallBackAndSaySo() throws Exception {
        exec("CREATE TABLE mix(k VARCHAR(10), day DATE, y INT)");
        exec("INSERT INTO mix SELECT 'long', DATEADD(DAY, x, DATE '2024-01-01'), MOD(x, 7) + 3 FROM SYSTEM_RANGE(0, 59) t(x)");
        exec("INSERT INTO mix SELECT 'short', DATEADD(DAY, x, DATE '2024-01-01'), x FROM SYSTEM_RANGE(0, 4) t(x)");
        exec("INSERT INTO mix SELECT 'nulls', DATEADD(DAY, x, DATE '2024-01-01'), NULL FROM SYSTEM_RANGE(0, 9) t(x)");
        Map<Object, Map<String, Object>> byKey = new java.util.HashMap<>();
        query("SELECT * FROM TABLE(TRAIN_MODEL('mix', 'mix', 'series=k; methods=snaive; season=7'))").forEach(r -> byKey.put(r.get("K"), r));
        assertEquals("ok", byKey.get("long").get("STATUS"));
        assertEquals("naive", byKey.get("short").get("METHOD"));
        assertTrue(((String) byKey.get("short").get("STATUS")).startsWith("fallback: snaive needs at least 8 observations, series has 5"),
                (String) byKey.get("short").get("STATUS"));
        assertTrue(((String) byKey.get("nulls").get("STATUS")).contains("every target value is NULL"));
        List<Map<String, Object>> f = query("SELECT * FROM TABLE(FORECAST('mix', 2)) WHERE k = 'nulls'");
        assertEquals(2, f.size());
        assertEquals(null, f.get(0).get("FORECAST"));
    }

    @Test
    void duplicatesAreSummedGapsFilledAndSaidInStatus() throws Exception {
        exec("CREATE TABLE d(day DATE, y INT)");
        exec("INSERT INTO d SELECT DATEADD(DAY, x, DATE '2024-01-01'), 10 FROM SYSTEM_RANGE(0, 29) t(x) WHERE x <> 20");
        exec("INSERT INTO d VALUES (DATE '2024-01-30', 5)");
        Map<String, Object> r = query("SELECT * FROM TABLE(TRAIN_MODEL('dups', 'd', 'methods=naive; season=none'))").get(0);
        assertEquals("ok; 1 duplicate timestamps summed; 1 missing periods filled (zero)", r.get("STATUS"));
        assertEquals(30, r.get("N_OBS"));
        // the last day had 10 + 5: the naive forecast is their sum
        assertEquals(15, num(query("SELECT forecast FROM TABLE(FORECAST('dups', 1))").get(0).get("FORECAST")), 1e-9);
    }

    @Test
    void lowerBoundAutoClipsNonNegativeHistoryAtZero() throws Exception {
        exec("CREATE TABLE dec(day DATE, y DOUBLE)");
        exec("INSERT INTO dec SELECT DATEADD(DAY, x, DATE '2024-01-01'), 30 - x FROM SYSTEM_RANGE(0, 29) t(x)");
        exec("SELECT * FROM TABLE(TRAIN_MODEL('dec', 'dec', 'methods=drift; season=none'))");
        List<Map<String, Object>> f = query("SELECT * FROM TABLE(FORECAST('dec', 10))");
        f.forEach(r -> assertTrue(num(r.get("LO_95")) >= 0 && num(r.get("FORECAST")) >= 0));
        assertEquals(0, num(f.get(9).get("FORECAST")), 1e-12);
        exec("SELECT * FROM TABLE(TRAIN_MODEL('dec_free', 'dec', 'methods=drift; season=none; lower_bound=none'))");
        assertEquals(-9, num(query("SELECT * FROM TABLE(FORECAST('dec_free', 10))").get(9).get("FORECAST")), 1e-9);
    }

    @Test
    void parametersWorkForEverythingButTheModelName() throws Exception {
        createWeeklySales(1, 60);
        exec("SELECT * FROM TABLE(TRAIN_MODEL('p', 'sales', 'series=store_id,sku'))");
        try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM TABLE(FORECAST(model => 'p', horizon => ?))")) {
            ps.setInt(1, 3);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(6, rs.getInt(1));
            }
            ps.setInt(1, 10);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(20, rs.getInt(1));
            }
        }
    }
}
