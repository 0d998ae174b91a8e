package org.forecastsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code methods=regression} through SQL: one global model across SKUs, with the Chinese holiday
 * calendar and a promotion covariate known in the future, on data whose 28-day holdout contains
 * the Spring Festival 2026 (2026-02-17): a surge in the two weeks before, a collapse in the week.
 */
class RegressionThroughSqlTest extends DriverTestSupport {
    private static final List<LocalDate> SPRING_FESTIVAL = List.of(LocalDate.of(2023, 1, 22), LocalDate.of(2024, 2, 10),
            LocalDate.of(2025, 1, 29), LocalDate.of(2026, 2, 17));
    private static final LocalDate HOLDOUT = LocalDate.of(2026, 2, 1);

    private static double festival(LocalDate d) {
        for (LocalDate sf : SPRING_FESTIVAL) {
            long days = d.toEpochDay() - sf.toEpochDay();
            if (days >= -14 && days < -1) {
                return 1.8;
            }
            if (days >= -1 && days <= 6) {
                return 0.3;
            }
        }
        return 1;
    }

    private static boolean promo(int sku, LocalDate d) {
        return (d.toEpochDay() + 3L * sku) % 17 == 0;
    }

    @BeforeEach
    void data() throws Exception {
        exec("CREATE TABLE sales(sku INT, day DATE, units INT, promo INT)",
                "CREATE TABLE holdout(sku INT, day DATE, units INT, promo INT)",
                "CREATE TABLE plan(sku INT, day DATE, promo INT)");
        Random r = new Random(11);
        double[] weekday = {0.9, 0.85, 0.9, 1.0, 1.1, 1.4, 1.5};
        try (PreparedStatement sales = conn.prepareStatement("INSERT INTO sales VALUES (?, ?, ?, ?)");
             PreparedStatement hold = conn.prepareStatement("INSERT INTO holdout VALUES (?, ?, ?, ?)");
             PreparedStatement plan = conn.prepareStatement("INSERT INTO plan VALUES (?, ?, ?)")) {
            for (int sku = 1; sku <= 12; sku++) {
                double level = 5 + 20 * sku;
                for (LocalDate d = LocalDate.of(2023, 1, 1); d.isBefore(HOLDOUT.plusDays(28)); d = d.plusDays(1)) {
                    boolean p = promo(sku, d);
                    double mean = level * weekday[d.getDayOfWeek().getValue() - 1] * festival(d) * (p ? 1.6 : 1);
                    int units = (int) Math.max(0, Math.round(mean * (1 + 0.08 * r.nextGaussian())));
                    PreparedStatement target = d.isBefore(HOLDOUT) ? sales : hold;
                    target.setInt(1, sku);
                    target.setDate(2, Date.valueOf(d));
                    target.setInt(3, units);
                    target.setInt(4, p ? 1 : 0);
                    target.addBatch();
                    if (!d.isBefore(HOLDOUT)) {
                        plan.setInt(1, sku);
                        plan.setDate(2, Date.valueOf(d));
                        plan.setInt(3, p ? 1 : 0);
                        plan.addBatch();
                    }
                }
            }
            sales.executeBatch();
            hold.executeBatch();
            plan.executeBatch();
        }
    }

    @Test
    void theGlobalModelForeseesTheSpringFestivalAndUsesPlannedPromotions() throws Exception {
        List<Map<String, Object>> train = query("SELECT * FROM TABLE(TRAIN_MODEL('reg', 'sales', "
                + "'series=sku; target=units; methods=regression; holidays=CN; horizon=28'))");
        assertEquals(12, train.size());
        train.forEach(r -> assertEquals("regression", r.get("METHOD"), String.valueOf(r.get("STATUS"))));
        exec("SELECT * FROM TABLE(TRAIN_MODEL('sn', 'sales', 'series=sku; target=units; methods=snaive; covariates=none; horizon=28'))");

        double reg = num(query("SELECT mase FROM TABLE(EVALUATE(model => 'reg', actuals => 'holdout')) WHERE method = 'overall'")
                .get(0).get("MASE"));
        double sn = num(query("SELECT mase FROM TABLE(EVALUATE(model => 'sn', actuals => 'holdout')) WHERE method = 'overall'")
                .get(0).get("MASE"));
        assertTrue(reg < 0.5 * sn, "regression MASE " + reg + " vs seasonal naive " + sn);

        // the festival week collapses, the fortnight before surges
        Map<String, Object> surge = query("SELECT forecast FROM TABLE(FORECAST(model => 'reg', future => 'plan')) "
                + "WHERE sku = 6 AND day = DATE '2026-02-10'").get(0);
        Map<String, Object> dip = query("SELECT forecast FROM TABLE(FORECAST(model => 'reg', future => 'plan')) "
                + "WHERE sku = 6 AND day = DATE '2026-02-19'").get(0);
        assertTrue(num(surge.get("FORECAST")) > 3 * num(dip.get("FORECAST")), surge + " vs " + dip);

        // a planned promotion raises the forecast; without the plan the covariate is missing
        exec("CREATE TABLE all_promo AS SELECT sku, day, 1 AS promo FROM plan",
                "CREATE TABLE no_promo AS SELECT sku, day, 0 AS promo FROM plan");
        double with = num(query("SELECT SUM(forecast) AS s FROM TABLE(FORECAST(model => 'reg', future => 'all_promo'))").get(0).get("S"));
        double without = num(query("SELECT SUM(forecast) AS s FROM TABLE(FORECAST(model => 'reg', future => 'no_promo'))").get(0).get("S"));
        assertTrue(with > 1.3 * without, with + " vs " + without);
        SQLException e = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(FORECAST('reg'))"));
        assertEquals("22F02", e.getSQLState());
        exec("CREATE TABLE long_plan AS SELECT s.x AS sku, DATEADD(DAY, d.x, DATE '2026-02-01') AS day, 0 AS promo "
                + "FROM SYSTEM_RANGE(1, 12) s, SYSTEM_RANGE(0, 39) d");
        SQLException tooFar = assertThrows(SQLException.class,
                () -> query("SELECT * FROM TABLE(FORECAST(model => 'reg', horizon => 40, future => 'long_plan'))"));
        assertEquals("22003", tooFar.getSQLState(), tooFar.getMessage());
        assertTrue(tooFar.getMessage().contains("retrain with a longer horizon"), tooFar.getMessage());

        // the stored model forecasts after the database is reopened
        List<Map<String, Object>> before = query("SELECT * FROM TABLE(FORECAST(model => 'reg', future => 'plan'))");
        conn.close();
        conn = java.sql.DriverManager.getConnection(url());
        assertEquals(before, query("SELECT * FROM TABLE(FORECAST(model => 'reg', future => 'plan'))"));
    }

    @Test
    void theEnsembleCombinesTheGlobalRegressionWithLocalMembers() throws Exception {
        List<Map<String, Object>> train = query("SELECT * FROM TABLE(TRAIN_MODEL('ens', 'sales', "
                + "'series=sku; target=units; methods=ensemble,regression,snaive,theta; holidays=CN; horizon=28'))");
        assertEquals(12, train.size());
        for (Map<String, Object> r : train) {
            assertEquals("ensemble", r.get("METHOD"), String.valueOf(r.get("STATUS")));
            assertTrue(String.valueOf(r.get("STATUS")).contains("regression 0."), String.valueOf(r.get("STATUS")));
        }
        // EVALUATE shows each member's backtest next to the ensemble's
        List<Map<String, Object>> bt = query("SELECT method, chosen FROM TABLE(EVALUATE('ens')) WHERE sku = 3");
        assertEquals(List.of("ensemble", "regression", "snaive", "theta"),
                bt.stream().map(r -> String.valueOf(r.get("METHOD"))).sorted().toList());
        exec("SELECT * FROM TABLE(TRAIN_MODEL('sn', 'sales', 'series=sku; target=units; methods=snaive; covariates=none; horizon=28'))");
        double ens = num(query("SELECT mase FROM TABLE(EVALUATE(model => 'ens', actuals => 'holdout')) WHERE method = 'overall'")
                .get(0).get("MASE"));
        double sn = num(query("SELECT mase FROM TABLE(EVALUATE(model => 'sn', actuals => 'holdout')) WHERE method = 'overall'")
                .get(0).get("MASE"));
        assertTrue(ens < 0.7 * sn, "ensemble MASE " + ens + " vs seasonal naive " + sn);

        // beyond the 28 days the regression was trained for, the local members carry the forecast on
        exec("CREATE TABLE long_plan AS SELECT s.x AS sku, DATEADD(DAY, d.x, DATE '2026-02-01') AS day, 0 AS promo "
                + "FROM SYSTEM_RANGE(1, 12) s, SYSTEM_RANGE(0, 39) d");
        List<Map<String, Object>> far = query("SELECT * FROM TABLE(FORECAST(model => 'ens', horizon => 40, future => 'long_plan'))");
        assertEquals(12 * 40, far.size());
        far.forEach(r -> assertTrue(Double.isFinite(num(r.get("FORECAST"))), r.toString()));

        // the shared model is stored once with the version and read back after a reopen
        List<Map<String, Object>> before = query("SELECT * FROM TABLE(FORECAST(model => 'ens', future => 'plan'))");
        conn.close();
        conn = java.sql.DriverManager.getConnection(url());
        assertEquals(before, query("SELECT * FROM TABLE(FORECAST(model => 'ens', future => 'plan'))"));
    }

    @Test
    void featureImportanceIsStoredWithTheModel() throws Exception {
        exec("SELECT * FROM TABLE(TRAIN_MODEL('reg', 'sales', 'series=sku; target=units; methods=regression; holidays=CN; horizon=28'))");
        List<Map<String, Object>> rows = query("SELECT * FROM TABLE(FEATURE_IMPORTANCE('reg')) ORDER BY feature_rank");
        assertTrue(rows.size() > 20, rows.toString());
        rows.forEach(r -> assertEquals("regression", r.get("METHOD")));
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(Math.abs(num(rows.get(i - 1).get("IMPORTANCE"))) >= Math.abs(num(rows.get(i).get("IMPORTANCE"))));
        }
        // the data's drivers: the festival's two effects and the promotion are among the ten strongest features
        List<Object> top = rows.subList(0, 10).stream().map(r -> r.get("FEATURE")).toList();
        assertTrue(top.contains("cn_spring_festival_pre") && top.contains("cn_spring_festival_week") && top.contains("cov_PROMO"),
                top.toString());
        // a model of local methods has none; an unknown model is an error naming the models
        exec("SELECT * FROM TABLE(TRAIN_MODEL('sn', 'sales', 'series=sku; target=units; methods=snaive; covariates=none'))");
        assertTrue(query("SELECT * FROM TABLE(FEATURE_IMPORTANCE('sn'))").isEmpty());
        SQLException e = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(FEATURE_IMPORTANCE('nope'))"));
        assertEquals("42704", e.getSQLState(), e.getMessage());
    }

    @Test
    void aUserHolidayTableWithWindowsStandsInForTheBuiltInCalendar() throws Exception {
        // the festival week as the user's own rows; the 13 days before it as the window feature
        exec("CREATE TABLE my_holidays(d DATE, holiday VARCHAR(40))");
        for (LocalDate sf : SPRING_FESTIVAL) {
            for (int k = -1; k <= 6; k++) {
                exec("INSERT INTO my_holidays VALUES (DATE '" + sf.plusDays(k) + "', 'Spring Festival')");
            }
        }
        exec("SELECT * FROM TABLE(TRAIN_MODEL('mine', 'sales', 'series=sku; target=units; methods=regression; "
                + "holidays=my_holidays; holiday_window=13,0; horizon=28'))");
        List<Object> features = query("SELECT feature FROM TABLE(FEATURE_IMPORTANCE('mine'))").stream()
                .map(r -> r.get("FEATURE")).toList();
        assertTrue(features.contains("user_spring_festival") && features.contains("user_spring_festival_before"),
                features.toString());
        double surge = num(query("SELECT forecast FROM TABLE(FORECAST(model => 'mine', future => 'plan')) "
                + "WHERE sku = 6 AND day = DATE '2026-02-10'").get(0).get("FORECAST"));
        double dip = num(query("SELECT forecast FROM TABLE(FORECAST(model => 'mine', future => 'plan')) "
                + "WHERE sku = 6 AND day = DATE '2026-02-19'").get(0).get("FORECAST"));
        assertTrue(surge > 3 * dip, surge + " vs " + dip);
        // the rows were copied into the model: dropping the table does not change its forecasts
        List<Map<String, Object>> before = query("SELECT * FROM TABLE(FORECAST(model => 'mine', future => 'plan'))");
        exec("DROP TABLE my_holidays");
        assertEquals(before, query("SELECT * FROM TABLE(FORECAST(model => 'mine', future => 'plan'))"));

        // rows bound to one series match its key by value (a DECIMAL 6.00 is SKU 6); keys that match nothing are an error
        exec("CREATE TABLE sku_events(sku DECIMAL(10, 2), d DATE, what VARCHAR(20))",
                "INSERT INTO sku_events VALUES (6.00, DATE '2025-06-01', 'store event'), (6.00, DATE '2025-09-01', 'store event')",
                "CREATE TABLE stray_events(sku INT, d DATE, what VARCHAR(20))",
                "INSERT INTO stray_events VALUES (999, DATE '2025-06-01', 'store event')");
        exec("SELECT * FROM TABLE(TRAIN_MODEL('bound', 'sales', 'series=sku; target=units; methods=regression; holidays=sku_events'))");
        assertTrue(query("SELECT feature FROM TABLE(FEATURE_IMPORTANCE('bound'))").stream()
                .anyMatch(r -> "user_store_event".equals(r.get("FEATURE"))));
        SQLException stray = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(TRAIN_MODEL('m3', 'sales', "
                + "'series=sku; target=units; methods=regression; holidays=stray_events'))"));
        assertEquals("22023", stray.getSQLState(), stray.getMessage());
        assertTrue(stray.getMessage().contains("matches a series"), stray.getMessage());

        exec("CREATE TABLE not_holidays(x INT, y INT)");
        SQLException shape = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(TRAIN_MODEL('m2', 'sales', "
                + "'series=sku; target=units; methods=regression; holidays=CN,not_holidays'))"));
        assertEquals("22023", shape.getSQLState(), shape.getMessage());
        assertTrue(shape.getMessage().contains("needs a DATE column"), shape.getMessage());
        SQLException missing = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(TRAIN_MODEL('m2', 'sales', "
                + "'series=sku; target=units; methods=regression; holidays=no_such_table'))"));
        assertEquals("42S02", missing.getSQLState(), missing.getMessage());
        SQLException window = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(TRAIN_MODEL('m2', 'sales', "
                + "'series=sku; target=units; methods=regression; holidays=CN; holiday_window=7'))"));
        assertEquals("22023", window.getSQLState(), window.getMessage());
        assertTrue(window.getMessage().contains("<days before>,<days after>"), window.getMessage());
    }

    @Test
    void bestChoosesAmongTheLocalMethodsAndTheRegression() throws Exception {
        List<Map<String, Object>> train = query("SELECT * FROM TABLE(TRAIN_MODEL('b', "
                + "'SELECT * FROM sales WHERE sku <= 4 AND day >= DATE ''2025-10-01''', "
                + "'series=sku; target=units; methods=best; holidays=CN; horizon=28'))");
        assertEquals(4, train.size());
        List<Map<String, Object>> candidates = query("SELECT DISTINCT method FROM TABLE(EVALUATE('b')) WHERE sku = 1");
        assertEquals(List.of("arima", "drift", "ets", "mean", "naive", "regression", "snaive", "theta"),
                candidates.stream().map(r -> String.valueOf(r.get("METHOD"))).sorted().toList());
        // the chosen method is the one with the lowest backtest MASE
        for (Map<String, Object> r : train) {
            double best = num(query("SELECT MIN(mase) AS m FROM TABLE(EVALUATE('b')) WHERE sku = " + r.get("SKU")).get(0).get("M"));
            assertEquals(best, num(r.get("MASE")), 1e-12, r.toString());
        }
    }

    @Test
    void theNeuralNetworkLearnsTheSameFeaturesAndForecastsAfterAReopen() throws Exception {
        String train = "SELECT * FROM TABLE(TRAIN_MODEL('nn', 'sales', "
                + "'series=sku; target=units; methods=neural; holidays=CN; horizon=28; epochs=3'))";
        List<Map<String, Object>> rows = query(train);
        assertEquals(12, rows.size());
        rows.forEach(r -> assertEquals("neural", r.get("METHOD"), String.valueOf(r.get("STATUS"))));
        exec("SELECT * FROM TABLE(TRAIN_MODEL('sn', 'sales', 'series=sku; target=units; methods=snaive; covariates=none; horizon=28'))");
        double nn = num(query("SELECT mase FROM TABLE(EVALUATE(model => 'nn', actuals => 'holdout')) WHERE method = 'overall'")
                .get(0).get("MASE"));
        double sn = num(query("SELECT mase FROM TABLE(EVALUATE(model => 'sn', actuals => 'holdout')) WHERE method = 'overall'")
                .get(0).get("MASE"));
        assertTrue(nn < 0.5 * sn, "neural MASE " + nn + " vs seasonal naive " + sn);
        List<Map<String, Object>> forecast = query("SELECT * FROM TABLE(FORECAST(model => 'nn', future => 'plan'))");
        assertEquals(12 * 28, forecast.size());
        for (Map<String, Object> r : forecast) {
            assertTrue(num(r.get("LO_95")) <= num(r.get("LO_80")) && num(r.get("LO_80")) <= num(r.get("FORECAST"))
                    && num(r.get("FORECAST")) <= num(r.get("HI_80")) && num(r.get("HI_80")) <= num(r.get("HI_95"))
                    && num(r.get("LO_95")) >= 0, r.toString());
        }
        // what the network learnt from, ranked by permutation importance on its validation window
        List<Object> top = query("SELECT feature FROM TABLE(FEATURE_IMPORTANCE('nn')) WHERE method = 'neural' "
                + "AND feature_rank <= 10 ORDER BY feature_rank").stream().map(r -> r.get("FEATURE")).toList();
        assertTrue(top.contains("cov_PROMO"), top.toString());
        // the backend it trained on is recorded with the version, and the driver says what it would use
        String backend = String.valueOf(query("SELECT backend FROM FORECAST_MODELS WHERE name = 'nn'").get(0).get("BACKEND"));
        assertTrue(backend.startsWith("cpu-java; neural: ND4J") && backend.contains("nd4j-native, CPU"), backend);
        assertEquals("nd4j-native (CPU)", query("SELECT \"VALUE\" FROM FORECAST_INFO WHERE \"KEY\" = 'neural_backend'")
                .get(0).get("VALUE"));
        // a stored network forecasts after the database is reopened, without retraining
        conn.close();
        conn = java.sql.DriverManager.getConnection(url());
        assertEquals(forecast, query("SELECT * FROM TABLE(FORECAST(model => 'nn', future => 'plan'))"));
    }

    @Test
    void pastOnlyCovariatesAreReadAtTheOriginAndNeverAskedForInTheFuture() throws Exception {
        // demand jumps to a new level every five weeks; page views announce each jump two weeks ahead
        exec("CREATE TABLE web(sku INT, day DATE, units INT, views INT, promo INT)",
                "CREATE TABLE web_holdout(sku INT, day DATE, units INT, views INT, promo INT)");
        Random r = new Random(3);
        LocalDate start = LocalDate.of(2024, 3, 1);
        int days = 760;
        int holdout = 28;
        try (PreparedStatement train = conn.prepareStatement("INSERT INTO web VALUES (?, ?, ?, ?, ?)");
             PreparedStatement hold = conn.prepareStatement("INSERT INTO web_holdout VALUES (?, ?, ?, ?, ?)")) {
            for (int sku = 1; sku <= 10; sku++) {
                double[] level = new double[days + 14];
                double current = 20 + 10 * sku;
                for (int t = 0; t < level.length; t++) {
                    if (t % 35 == 0) {
                        current *= Math.exp(0.5 * r.nextGaussian());
                        current = Math.max(5, Math.min(400, current));
                    }
                    level[t] = current;
                }
                for (int t = 0; t < days; t++) {
                    LocalDate d = start.plusDays(t);
                    int units = (int) Math.max(0, Math.round(level[t] * (1 + 0.1 * r.nextGaussian())));
                    int views = (int) Math.round(30 * level[t + 14] * (1 + 0.05 * r.nextGaussian()));
                    PreparedStatement target = t < days - holdout ? train : hold;
                    target.setInt(1, sku);
                    target.setDate(2, Date.valueOf(d));
                    target.setInt(3, units);
                    target.setInt(4, views);
                    target.setInt(5, (t + sku) % 19 == 0 ? 1 : 0);
                    target.addBatch();
                }
            }
            train.executeBatch();
            hold.executeBatch();
        }
        exec("CREATE TABLE web_plan AS SELECT sku, day, promo FROM web_holdout");
        List<Map<String, Object>> trained = query("SELECT * FROM TABLE(TRAIN_MODEL('views', 'web', "
                + "'series=sku; target=units; methods=regression; covariates=promo; past_covariates=views; horizon=28'))");
        trained.forEach(t -> assertEquals("regression", t.get("METHOD"), String.valueOf(t.get("STATUS"))));
        exec("SELECT * FROM TABLE(TRAIN_MODEL('blind', 'web', "
                + "'series=sku; target=units; methods=regression; covariates=promo; horizon=28'))");
        double withViews = num(query("SELECT mase FROM TABLE(EVALUATE(model => 'views', actuals => 'web_holdout')) "
                + "WHERE method = 'overall'").get(0).get("MASE"));
        double blind = num(query("SELECT mase FROM TABLE(EVALUATE(model => 'blind', actuals => 'web_holdout')) "
                + "WHERE method = 'overall'").get(0).get("MASE"));
        assertTrue(withViews < 0.85 * blind, "with page views " + withViews + " vs without " + blind);
        List<Object> features = query("SELECT feature FROM TABLE(FEATURE_IMPORTANCE('views'))").stream()
                .map(f -> f.get("FEATURE")).toList();
        assertTrue(features.contains("past_VIEWS") && features.contains("past_VIEWS_mean") && !features.contains("cov_VIEWS"),
                features.toString());
        // FORECAST needs the planned promotions only: page views are never asked for
        assertEquals(10 * 28, query("SELECT * FROM TABLE(FORECAST(model => 'views', future => 'web_plan'))").size());
        SQLException noPlan = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(FORECAST('views'))"));
        assertEquals("22F02", noPlan.getSQLState());
        assertTrue(noPlan.getMessage().contains("promo") && !noPlan.getMessage().contains("views"), noPlan.getMessage());
        SQLException both = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(TRAIN_MODEL('x', 'web', "
                + "'series=sku; target=units; covariates=promo,views; past_covariates=views'))"));
        assertEquals("22023", both.getSQLState(), both.getMessage());
        for (String twice : new String[] {"past_covariates=views,VIEWS", "covariates=promo,PROMO"}) {
            SQLException e = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(TRAIN_MODEL('x', 'web', "
                    + "'series=sku; target=units; " + twice + "'))"));
            assertEquals("22023", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("twice"), e.getMessage());
        }
    }

    @Test
    void aVersionStoredWithItsSharedStateInlineStillForecasts() throws Exception {
        exec("SELECT * FROM TABLE(TRAIN_MODEL('reg', 'sales', 'series=sku; target=units; methods=regression; holidays=CN; horizon=28'))");
        List<Map<String, Object>> now = query("SELECT * FROM TABLE(FORECAST(model => 'reg', future => 'plan'))");
        conn.close();
        // rewrite the version as drivers before layout format 5 stored it: the shared state inside the layout
        try (Connection raw = DriverManager.getConnection("jdbc:h2:" + dir.resolve("shop"), "sa", "");
             Statement st = raw.createStatement()) {
            byte[] layout;
            byte[] shared;
            try (ResultSet rs = st.executeQuery("SELECT m.LAYOUT, s.STATE FROM FORECAST_CATALOG.MODELS m "
                    + "JOIN FORECAST_CATALOG.MODEL_SHARED s ON s.NAME_KEY = m.NAME_KEY AND s.VERSION = m.VERSION")) {
                rs.next();
                layout = rs.getBytes(1);
                shared = rs.getBytes(2);
            }
            assertEquals(5, ByteBuffer.wrap(layout).getInt(), "this driver writes layout format 5");
            ByteBuffer old = ByteBuffer.allocate(layout.length + 4 + shared.length);
            old.putInt(4).put(layout, 4, layout.length - 4).putInt(shared.length).put(shared);
            try (PreparedStatement ps = raw.prepareStatement("UPDATE FORECAST_CATALOG.MODELS SET LAYOUT = ?")) {
                ps.setBytes(1, old.array());
                assertEquals(1, ps.executeUpdate());
            }
            assertEquals(1, st.executeUpdate("DELETE FROM FORECAST_CATALOG.MODEL_SHARED"));
        }
        conn = DriverManager.getConnection(url());
        assertEquals(now, query("SELECT * FROM TABLE(FORECAST(model => 'reg', future => 'plan'))"));
        assertTrue(query("SELECT * FROM TABLE(FEATURE_IMPORTANCE('reg'))").size() > 20);
    }

    @Test
    void aBacktestNeverLendsTheModelAnotherSeriesDaysFromThisSeriesWindow() throws Exception {
        // SKU 101 is delisted on 2024-12-01, the others sell on; a one-off flash sale (x8) falls in 101's last window
        exec("CREATE TABLE ragged(sku INT, day DATE, units DOUBLE)", "CREATE TABLE flash(day DATE, name VARCHAR(20))",
                "INSERT INTO flash VALUES (DATE '2024-11-25', 'flash'), (DATE '2024-11-26', 'flash'), (DATE '2024-11-27', 'flash')");
        Random r = new Random(3);
        try (PreparedStatement p = conn.prepareStatement("INSERT INTO ragged VALUES (?, ?, ?)")) {
            for (int sku = 101; sku <= 106; sku++) {
                LocalDate end = sku == 101 ? LocalDate.of(2024, 12, 1) : LocalDate.of(2025, 3, 1);
                for (LocalDate d = LocalDate.of(2024, 1, 1); !d.isAfter(end); d = d.plusDays(1)) {
                    boolean flash = !d.isBefore(LocalDate.of(2024, 11, 25)) && !d.isAfter(LocalDate.of(2024, 11, 27));
                    p.setInt(1, sku);
                    p.setDate(2, Date.valueOf(d));
                    p.setDouble(3, (20 + 5 * (sku - 100)) * (1 + 0.1 * r.nextGaussian()) * (flash ? 8 : 1));
                    p.addBatch();
                }
            }
            p.executeBatch();
        }
        exec("CREATE VIEW aligned AS SELECT * FROM ragged WHERE day <= DATE '2024-12-01'");
        double[] mase = new double[2];
        String[] inputs = {"ragged", "aligned"};
        for (int k = 0; k < 2; k++) {
            exec("SELECT * FROM TABLE(TRAIN_MODEL('m_" + inputs[k] + "', '" + inputs[k] + "', "
                    + "'series=sku; target=units; methods=regression; holidays=flash; horizon=14; folds=1'))");
            mase[k] = num(query("SELECT mase FROM TABLE(EVALUATE('m_" + inputs[k] + "')) WHERE sku = 101").get(0).get("MASE"));
        }
        // what the other SKUs did after 101's window opened must not change 101's backtest
        assertEquals(mase[1], mase[0], 1e-12, "SKU 101's backtest with the others' later days vs without them");
    }

    @Test
    void monthlyDataGetsMonthOfYearFeaturesAndIntegerPeriodsAreRefused() throws Exception {
        // 30 monthly series, 8 years: a December peak, January trough, level by series
        exec("CREATE TABLE monthly AS SELECT s.x AS id, DATEADD(MONTH, m.x, DATE '2017-01-01') AS m, "
                + "(10 + s.x) * (CASE MOD(m.x, 12) WHEN 11 THEN 2.0 WHEN 0 THEN 0.6 ELSE 1 + 0.02 * MOD(m.x, 12) END) "
                + "+ MOD(m.x * 7 + s.x, 5) * 0.1 AS y FROM SYSTEM_RANGE(1, 30) s, SYSTEM_RANGE(0, 95) m",
                "CREATE TABLE monthly_train AS SELECT * FROM monthly WHERE m < DATE '2024-01-01'",
                "CREATE TABLE monthly_test AS SELECT * FROM monthly WHERE m >= DATE '2024-01-01'");
        List<Map<String, Object>> train = query("SELECT * FROM TABLE(TRAIN_MODEL('mr', 'monthly_train', "
                + "'series=id; methods=regression; horizon=12'))");
        train.forEach(r -> assertEquals("regression", r.get("METHOD"), String.valueOf(r.get("STATUS"))));
        exec("SELECT * FROM TABLE(TRAIN_MODEL('mn', 'monthly_train', 'series=id; methods=naive; horizon=12'))");
        double reg = num(query("SELECT mase FROM TABLE(EVALUATE(model => 'mr', actuals => 'monthly_test')) WHERE method = 'overall'")
                .get(0).get("MASE"));
        double naive = num(query("SELECT mase FROM TABLE(EVALUATE(model => 'mn', actuals => 'monthly_test')) WHERE method = 'overall'")
                .get(0).get("MASE"));
        assertTrue(reg < 0.5 * naive, "regression MASE " + reg + " vs naive " + naive);
        // the forecast periods are the calendar's months
        assertEquals(java.sql.Date.valueOf("2024-12-01"), query("SELECT MAX(m) AS last FROM TABLE(FORECAST('mr')) WHERE id = 1")
                .get(0).get("LAST"));

        exec("CREATE TABLE periods(t INT, y DOUBLE)",
                "INSERT INTO periods SELECT x, MOD(x, 7) FROM SYSTEM_RANGE(1, 300) t(x)");
        SQLException e = assertThrows(SQLException.class,
                () -> query("SELECT * FROM TABLE(TRAIN_MODEL('r', 'periods', 'time=t; methods=regression'))"));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("need a DATE or TIMESTAMP time column"), e.getMessage());
    }

    @Test
    void gradientBoostedTreesAreALearnerOfTheRegression() throws Exception {
        List<Map<String, Object>> train = query("SELECT * FROM TABLE(TRAIN_MODEL('gbt', 'sales', "
                + "'series=sku; target=units; methods=regression; learner=gbt; holidays=CN; horizon=28'))");
        assertEquals(12, train.size());
        train.forEach(r -> assertEquals("regression", r.get("METHOD"), String.valueOf(r.get("STATUS"))));
        exec("SELECT * FROM TABLE(TRAIN_MODEL('sn', 'sales', 'series=sku; target=units; methods=snaive; covariates=none; horizon=28'))");
        double gbt = num(query("SELECT mase FROM TABLE(EVALUATE(model => 'gbt', actuals => 'holdout')) WHERE method = 'overall'")
                .get(0).get("MASE"));
        double sn = num(query("SELECT mase FROM TABLE(EVALUATE(model => 'sn', actuals => 'holdout')) WHERE method = 'overall'")
                .get(0).get("MASE"));
        assertTrue(gbt < 0.6 * sn, "gbt MASE " + gbt + " vs seasonal naive " + sn);
        List<Map<String, Object>> forecast = query("SELECT * FROM TABLE(FORECAST(model => 'gbt', future => 'plan'))");
        assertEquals(12 * 28, forecast.size());
        forecast.forEach(r -> assertTrue(num(r.get("FORECAST")) >= 0 && num(r.get("LO_95")) >= 0, r.toString()));

        // the trees' gain shares are stored with the model: the festival's two effects lead
        List<Object> top = query("SELECT feature FROM TABLE(FEATURE_IMPORTANCE('gbt')) ORDER BY feature_rank").stream()
                .limit(5).map(r -> r.get("FEATURE")).toList();
        assertTrue(top.contains("cn_spring_festival_pre") && top.contains("cn_spring_festival_week"), top.toString());

        // the booster is stored with the model version and forecasts the same after a reopen
        conn.close();
        conn = java.sql.DriverManager.getConnection(url());
        assertEquals(forecast, query("SELECT * FROM TABLE(FORECAST(model => 'gbt', future => 'plan'))"));

        SQLException bad = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(TRAIN_MODEL('x', 'sales', "
                + "'series=sku; target=units; methods=regression; learner=foo'))"));
        assertEquals("22023", bad.getSQLState(), bad.getMessage());
        assertTrue(bad.getMessage().contains("learner") && bad.getMessage().contains("ridge or gbt"), bad.getMessage());
    }
}
