package org.forecastsql.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator against a real H2 file database: sizes, types, determinism, and the patterns the
 * demo relies on, measured in the generated rows with SQL.
 */
class RetailDataGeneratorTest {

    /** 2 stores x 20 SKUs, history 2023-11-23..2026-01-31: covers the festivals of 2024, 2025 and 2026. */
    private static final RetailOptions OPTIONS = RetailOptions.defaults().withSize(2, 20).withHistoryDays(801);

    @TempDir
    static Path dir;

    private static Connection db;
    private static RetailDataGenerator.Summary summary;

    @BeforeAll
    static void generate() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("shop"));
        summary = RetailDataGenerator.generate(db, OPTIONS);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void tablesHaveOneRowPerSeriesAndDay() throws SQLException {
        assertEquals(LocalDate.of(2023, 11, 23), OPTIONS.firstDay());
        assertEquals(40, summary.series());
        assertEquals(40L * 801, summary.salesRows());
        assertEquals(40L * 801, scalar("SELECT COUNT(*) FROM sales"));
        assertEquals(40L * 28, scalar("SELECT COUNT(*) FROM sales_holdout"));
        assertEquals(40L * 28, scalar("SELECT COUNT(*) FROM promo_plan"));
        assertEquals(40L, scalar("SELECT COUNT(*) FROM inventory"));
        assertEquals(40L, scalar("SELECT COUNT(DISTINCT store_id || '/' || sku) FROM sales"));
        assertEquals("2023-11-23 2026-01-31", text("SELECT MIN(sale_date) || ' ' || MAX(sale_date) FROM sales"));
        assertEquals("2026-02-01 2026-02-28", text("SELECT MIN(sale_date) || ' ' || MAX(sale_date) FROM sales_holdout"));
        assertEquals(801L, scalar("SELECT MAX(n) FROM (SELECT COUNT(*) n FROM sales GROUP BY store_id, sku) t"));
        assertEquals(801L, scalar("SELECT MIN(n) FROM (SELECT COUNT(*) n FROM sales GROUP BY store_id, sku) t"));
    }

    @Test
    void unitsAreNonNegativeIntegersAndPricesEndInNine() throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT units, price, promo, page_views, sale_date FROM sales WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(Types.INTEGER, md.getColumnType(1));
            assertEquals(Types.DECIMAL, md.getColumnType(2));
            assertEquals(2, md.getScale(2));
            assertEquals(Types.INTEGER, md.getColumnType(3));
            assertEquals(Types.INTEGER, md.getColumnType(4));
            assertEquals(Types.DATE, md.getColumnType(5));
        }
        assertEquals(0L, scalar("SELECT MIN(units) FROM sales"));
        assertEquals(0L, scalar("SELECT COUNT(*) FROM sales WHERE MOD(CAST(price * 100 AS INT), 10) <> 9 OR price <= 0"));
        assertEquals(0L, scalar("SELECT COUNT(*) FROM sales WHERE promo NOT IN (0, 1) OR page_views < 0"));
        assertTrue(scalar("SELECT MAX(units) FROM sales") > 500, "the fastest SKUs sell hundreds a day");
    }

    @Test
    void slowMoversHaveManyZeroDaysAndFastSkusAlmostNone() throws SQLException {
        double slow = decimal("SELECT AVG(CASE WHEN units = 0 THEN 1.0 ELSE 0.0 END) FROM sales WHERE sku = 'SKU001'");
        double fast = decimal("SELECT AVG(CASE WHEN units = 0 THEN 1.0 ELSE 0.0 END) FROM sales WHERE sku = 'SKU020'");
        assertTrue(slow > 0.3, "slowest SKU zero share " + slow);
        assertTrue(fast < 0.05, "fastest SKU zero share " + fast);
        assertTrue(summary.zeroDays() >= scalar("SELECT COUNT(*) FROM sales WHERE sku = 'SKU001' AND units = 0"));
        assertTrue(decimal("SELECT AVG(units) FROM sales WHERE sku = 'SKU020'")
                > 100 * decimal("SELECT AVG(units) FROM sales WHERE sku = 'SKU001'"));
    }

    @Test
    void springFestivalSurgeThenDipIsVisibleAroundEachFestival() throws SQLException {
        for (String festival : new String[] {"2024-02-10", "2025-01-29"}) {
            double base = dailyMean("sales", festival, -38, -11);
            double surge = dailyMean("sales", festival, -7, -1);
            double holiday = dailyMean("sales", festival, 0, 6);
            assertTrue(surge > 1.3 * base, festival + ": surge " + surge + " vs baseline " + base);
            assertTrue(holiday < 0.6 * base, festival + ": holiday week " + holiday + " vs baseline " + base);
            double[] shares = festivalShares("sales", festival, -38, -11);
            assertTrue(shares[0] >= 0.8, festival + ": share of series with a surge " + shares[0]);
            assertTrue(shares[1] >= 0.8, festival + ": share of series with a dip " + shares[1]);
        }
        // The 28-day holdout (2026-02-01..28) contains the Spring Festival 2026 (2026-02-17).
        double before = dailyMean("sales_holdout", "2026-02-17", -16, -11);
        double surge = dailyMean("sales_holdout", "2026-02-17", -4, -1);
        double holiday = dailyMean("sales_holdout", "2026-02-17", 0, 6);
        assertTrue(surge > 1.3 * before, "2026 surge " + surge + " vs " + before);
        assertTrue(holiday < 0.6 * before, "2026 holiday week " + holiday + " vs " + before);
    }

    @Test
    void weekendsSellMoreAndElevenElevenSpikes() throws SQLException {
        double weekend = decimal("SELECT AVG(units) FROM sales WHERE ISO_DAY_OF_WEEK(sale_date) >= 6");
        double midweek = decimal("SELECT AVG(units) FROM sales WHERE ISO_DAY_OF_WEEK(sale_date) BETWEEN 1 AND 4");
        assertTrue(weekend > 1.15 * midweek, "weekend " + weekend + " vs Monday-Thursday " + midweek);
        double singlesDay = decimal("SELECT SUM(units) FROM sales WHERE sale_date = DATE '2024-11-11'");
        double early = dailyMean("sales", "2024-11-11", -31, -12);
        assertTrue(singlesDay > 2.0 * early, "11.11 " + singlesDay + " vs October " + early);
        double sixEighteen = decimal("SELECT SUM(units) FROM sales WHERE sale_date = DATE '2025-06-18'");
        assertTrue(sixEighteen > 1.6 * dailyMean("sales", "2025-06-18", -48, -19), "618");
    }

    @Test
    void promotionsCutThePriceAndLiftDemand() throws SQLException {
        String perSeries = "SELECT store_id, sku,"
                + " AVG(CASE WHEN promo = 1 THEN units END) AS promo_units,"
                + " AVG(CASE WHEN promo = 0 THEN units END) AS regular_units,"
                + " MIN(CASE WHEN promo = 1 THEN price END) AS promo_price,"
                + " AVG(CASE WHEN promo = 0 THEN price END) AS regular_price"
                + " FROM sales GROUP BY store_id, sku HAVING AVG(units) > 5";
        int series = 0;
        int lifted = 0;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(perSeries)) {
            while (rs.next()) {
                series++;
                if (rs.getDouble("promo_units") > rs.getDouble("regular_units")) {
                    lifted++;
                }
                assertTrue(rs.getDouble("promo_price") < rs.getDouble("regular_price"), rs.getString("sku"));
            }
        }
        assertTrue(series >= 20, "series " + series);
        assertEquals(series, lifted, "every series above 5 a day sells more on promotion");
        double share = decimal("SELECT AVG(CAST(promo AS DOUBLE)) FROM sales");
        assertTrue(share > 0.05 && share < 0.35, "promo share " + share);
        long repriced = scalar("SELECT COUNT(*) FROM (SELECT store_id, sku FROM sales WHERE promo = 0"
                + " GROUP BY store_id, sku HAVING COUNT(DISTINCT price) > 1) t");
        assertTrue(repriced >= 30, "series whose regular price changed: " + repriced);
    }

    @Test
    void pageViewsLeadSales() throws SQLException {
        for (String sku : new String[] {"SKU018", "SKU019", "SKU020"}) {
            List<double[]> rows = new ArrayList<>();
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT page_views, units FROM sales WHERE store_id = 'S01' AND sku = '"
                         + sku + "' ORDER BY sale_date")) {
                while (rs.next()) {
                    rows.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
                }
            }
            double lead = laggedCorrelation(rows, 1);
            double lag = laggedCorrelation(rows, -1);
            assertTrue(lead > lag + 0.05, sku + ": corr(views_t, units_t+1) " + lead + " vs units_t-1 " + lag);
        }
    }

    @Test
    void someFastSeriesHaveStockoutsInTheHistoryAndNoneInTheHoldout() throws SQLException {
        assertTrue(summary.stockoutDays() > 0);
        long stockedOut = scalar("SELECT COUNT(*) FROM (SELECT store_id, sku FROM sales GROUP BY store_id, sku"
                + " HAVING AVG(units) > 20 AND SUM(CASE WHEN units = 0 THEN 1 ELSE 0 END) >= 3) t");
        assertTrue(stockedOut >= 1, "fast series with zero runs: " + stockedOut);
        String fastHoldout = "SELECT h.units FROM sales_holdout h JOIN (SELECT store_id, sku FROM sales"
                + " GROUP BY store_id, sku HAVING AVG(units) > 50) f ON f.store_id = h.store_id AND f.sku = h.sku"
                + " ORDER BY h.store_id, h.sku, h.sale_date";
        int run = 0;
        int longest = 0;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(fastHoldout)) {
            while (rs.next()) {
                run = rs.getInt(1) == 0 ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        assertTrue(longest < 3, "no stockout runs in the holdout of fast series, longest zero run " + longest);
    }

    @Test
    void planHoldsTheHoldoutsPricesAndInventoryIsPlausible() throws SQLException {
        assertEquals(40L * 28, scalar("SELECT COUNT(*) FROM promo_plan p JOIN sales_holdout h"
                + " ON h.store_id = p.store_id AND h.sku = p.sku AND h.sale_date = p.sale_date"
                + " AND h.price = p.price AND h.promo = p.promo"));
        assertEquals(0L, scalar("SELECT COUNT(*) FROM inventory WHERE on_hand < 0"
                + " OR lead_time_days NOT IN (3, 5, 7, 10, 14, 21)"));
        assertTrue(scalar("SELECT MAX(on_hand) FROM inventory") > 1000);
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() throws SQLException {
        RetailOptions small = RetailOptions.defaults().withSize(2, 5).withHistoryDays(200);
        List<String> first = dump(small, "a");
        List<String> again = dump(small, "b");
        List<String> other = dump(small.withSeed(43), "c");
        assertEquals(2 * 5 * 200 + 2 * 5 * 28 + 10, first.size());
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void regeneratingReplacesTheTables() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("twice");
        RetailOptions small = RetailOptions.defaults().withSize(1, 3).withHistoryDays(60);
        RetailDataGenerator.generate(url, small);
        RetailDataGenerator.Summary second = RetailDataGenerator.generate(url, small.withSize(1, 2));
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sales")) {
            rs.next();
            assertEquals(second.salesRows(), rs.getLong(1));
            assertEquals(2L * 60, rs.getLong(1));
        }
    }

    private static List<String> dump(RetailOptions options, String name) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("det-" + name);
        RetailDataGenerator.generate(url, options);
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String q : new String[] {
                "SELECT * FROM sales ORDER BY store_id, sku, sale_date",
                "SELECT * FROM sales_holdout ORDER BY store_id, sku, sale_date",
                "SELECT * FROM inventory ORDER BY store_id, sku"}) {
                try (ResultSet rs = st.executeQuery(q)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    /** Mean of the daily unit totals over days festival+from .. festival+to. */
    private static double dailyMean(String table, String festival, int from, int to) throws SQLException {
        LocalDate day = LocalDate.parse(festival);
        return decimal("SELECT SUM(units) / " + (to - from + 1) + ".0 FROM " + table
                + " WHERE sale_date BETWEEN DATE '" + day.plusDays(from) + "' AND DATE '" + day.plusDays(to) + "'");
    }

    /**
     * Among series selling more than 5 a day, the share whose mean over the last 7 days before the
     * festival exceeds the baseline window's, and the share whose holiday-week mean is below 0.8
     * times it (single series are noisy: promotions, stockouts and the yearly cycle move the
     * baseline).
     */
    private static double[] festivalShares(String table, String festival, int baseFrom, int baseTo) throws SQLException {
        LocalDate day = LocalDate.parse(festival);
        String sql = "SELECT AVG(CASE WHEN sale_date BETWEEN DATE '" + day.plusDays(baseFrom) + "' AND DATE '"
                + day.plusDays(baseTo) + "' THEN units END) AS base,"
                + " AVG(CASE WHEN sale_date BETWEEN DATE '" + day.minusDays(7) + "' AND DATE '" + day.minusDays(1)
                + "' THEN units END) AS surge,"
                + " AVG(CASE WHEN sale_date BETWEEN DATE '" + day + "' AND DATE '" + day.plusDays(6)
                + "' THEN units END) AS holiday"
                + " FROM " + table + " GROUP BY store_id, sku HAVING AVG(units) > 5";
        int series = 0;
        int surged = 0;
        int dipped = 0;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                series++;
                double base = rs.getDouble("base");
                surged += rs.getDouble("surge") > base ? 1 : 0;
                dipped += rs.getDouble("holiday") < 0.8 * base ? 1 : 0;
            }
        }
        assertTrue(series >= 20, "series above 5 a day: " + series);
        return new double[] {surged / (double) series, dipped / (double) series};
    }

    /** Pearson correlation of views_t with units_{t+shift}. */
    private static double laggedCorrelation(List<double[]> rows, int shift) {
        int from = Math.max(0, -shift);
        int to = rows.size() - Math.max(0, shift);
        int n = to - from;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int t = from; t < to; t++) {
            double x = rows.get(t)[0];
            double y = rows.get(t + shift)[1];
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        double cov = sxy - sx * sy / n;
        return cov / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
    }

    private static long scalar(String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double decimal(String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static String text(String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
