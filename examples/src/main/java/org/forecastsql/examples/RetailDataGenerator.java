package org.forecastsql.examples;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Creates and fills a realistic, seeded retail data set through plain JDBC (any database that
 * speaks standard DDL: H2 directly, or ForecastSQL's {@code jdbc:forecast:} driver).
 *
 * <p>The date column is {@code sale_date}, not {@code day}: DAY is a reserved word in H2 2.5
 * ({@code CREATE TABLE t (day DATE)} fails) and in Calcite 1.42's default parser, so a column named
 * {@code day} would have to be quoted in every statement.
 *
 * <p>Tables (dropped first if they exist):
 * <ul>
 *   <li>{@code sales(store_id, sku, sale_date, units, price, promo, page_views)}: daily history per store
 *       and SKU (see {@link RetailOptions} for the calendar); weekly and yearly seasonality, the
 *       Spring Festival surge and holiday-week dip on its real moving dates, 618 and 11.11 spikes,
 *       promotions with price cuts, price changes with elastic demand, page views leading sales by
 *       one to two days, negative-binomial counts (slow movers with many zero days) and a few
 *       stockouts (runs of zeros while demand went on).</li>
 *   <li>{@code sales_holdout}: the same columns for the days after the history, produced by the same
 *       process: the actuals that "arrive later", for {@code EVALUATE(actuals => 'sales_holdout')}.</li>
 *   <li>{@code promo_plan(store_id, sku, sale_date, price, promo)}: the planned prices and promotions of
 *       the holdout days, i.e. covariates known in advance for {@code FORECAST(future => ...)}.</li>
 *   <li>{@code inventory(store_id, sku, on_hand, lead_time_days)}: stock on the last history day
 *       (between 0.5 and 2.5 times the recent demand over the lead time) and supplier lead times.</li>
 * </ul>
 *
 * <p>Every series draws from its own {@link SplittableRandom} stream derived from the seed, the
 * store and the SKU, so the same options give the same rows and the SKUs' parameters do not depend
 * on the number of stores. Inserts are batched {@link PreparedStatement}s, committed every
 * {@value #COMMIT_ROWS} rows.
 */
public final class RetailDataGenerator {

    private static final int BATCH_ROWS = 2_000;
    private static final int COMMIT_ROWS = 50_000;
    private static final int[] LEAD_TIMES = {3, 5, 7, 7, 10, 14, 21};

    /**
     * What was written.
     *
     * @param series        store x SKU series
     * @param salesRows     rows in {@code sales}
     * @param holdoutRows   rows in {@code sales_holdout} (and in {@code promo_plan})
     * @param inventoryRows rows in {@code inventory}
     * @param zeroDays      history rows with zero units (slow movers and stockouts)
     * @param stockoutDays  history rows zeroed by stockouts
     * @param millis        wall time of generation and inserts
     */
    public record Summary(int series, long salesRows, long holdoutRows, long inventoryRows,
                          long zeroDays, long stockoutDays, long millis) {
    }

    private RetailDataGenerator() {
    }

    /** Opens {@code jdbcUrl} with no credentials, generates, and closes the connection. */
    public static Summary generate(String jdbcUrl, RetailOptions options) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            return generate(connection, options);
        }
    }

    /**
     * Drops and recreates the four tables on {@code connection} and fills them, then restores the
     * connection's auto-commit mode. Inserts commit every {@value #COMMIT_ROWS} rows, so a failure
     * rolls back only the rows since the last commit and leaves the tables partly filled: run
     * again to regenerate.
     */
    public static Summary generate(Connection connection, RetailOptions options) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        try {
            createTables(connection);
            connection.setAutoCommit(false);
            Summary summary = insertAll(connection, options, started);
            connection.commit();
            connection.setAutoCommit(autoCommit);
            return summary;
        } catch (SQLException | RuntimeException e) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                connection.setAutoCommit(autoCommit);
            } catch (SQLException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void createTables(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String table : new String[] {"sales", "sales_holdout", "promo_plan", "inventory"}) {
                st.executeUpdate("DROP TABLE IF EXISTS " + table);
            }
            String salesColumns = "(store_id VARCHAR(8) NOT NULL, sku VARCHAR(16) NOT NULL, sale_date DATE NOT NULL,"
                    + " units INT NOT NULL, price DECIMAL(10,2) NOT NULL, promo INT NOT NULL, page_views INT NOT NULL,"
                    + " PRIMARY KEY (store_id, sku, sale_date))";
            st.executeUpdate("CREATE TABLE sales " + salesColumns);
            st.executeUpdate("CREATE TABLE sales_holdout " + salesColumns);
            st.executeUpdate("CREATE TABLE promo_plan (store_id VARCHAR(8) NOT NULL, sku VARCHAR(16) NOT NULL,"
                    + " sale_date DATE NOT NULL, price DECIMAL(10,2) NOT NULL, promo INT NOT NULL,"
                    + " PRIMARY KEY (store_id, sku, sale_date))");
            st.executeUpdate("CREATE TABLE inventory (store_id VARCHAR(8) NOT NULL, sku VARCHAR(16) NOT NULL,"
                    + " on_hand INT NOT NULL, lead_time_days INT NOT NULL, PRIMARY KEY (store_id, sku))");
        }
    }

    private static Summary insertAll(Connection connection, RetailOptions options, long started) throws SQLException {
        String salesInsert = " (store_id, sku, sale_date, units, price, promo, page_views) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement sales = connection.prepareStatement("INSERT INTO sales" + salesInsert);
             PreparedStatement holdout = connection.prepareStatement("INSERT INTO sales_holdout" + salesInsert);
             PreparedStatement plan = connection.prepareStatement(
                     "INSERT INTO promo_plan (store_id, sku, sale_date, price, promo) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement inventory = connection.prepareStatement(
                     "INSERT INTO inventory (store_id, sku, on_hand, lead_time_days) VALUES (?, ?, ?, ?)")) {
            Batcher batcher = new Batcher(connection);
            int history = options.historyDays();
            Date[] dates = new Date[options.totalDays()];
            for (int t = 0; t < dates.length; t++) {
                dates[t] = Date.valueOf(options.firstDay().plusDays(t));
            }
            long[] counts = new long[2];
            forEachSeries(options, (store, sku, series, rng) -> {
                counts[1] += series.stockoutDays();
                for (int t = 0; t < dates.length; t++) {
                    PreparedStatement target = t < history ? sales : holdout;
                    bindSalesRow(target, store, sku, dates[t], series, t);
                    batcher.add(target);
                    if (t < history && series.units()[t] == 0) {
                        counts[0]++;
                    }
                    if (t >= history) {
                        plan.setString(1, store);
                        plan.setString(2, sku);
                        plan.setDate(3, dates[t]);
                        plan.setBigDecimal(4, BigDecimal.valueOf(series.priceCents()[t], 2));
                        plan.setInt(5, series.promo()[t]);
                        batcher.add(plan);
                    }
                }
                inventory.setString(1, store);
                inventory.setString(2, sku);
                int leadTime = LEAD_TIMES[rng.nextInt(LEAD_TIMES.length)];
                inventory.setInt(3, onHand(series.units(), history, leadTime, rng));
                inventory.setInt(4, leadTime);
                batcher.add(inventory);
            });
            batcher.flush();
            long salesRows = (long) options.seriesCount() * history;
            long holdoutRows = (long) options.seriesCount() * options.holdoutDays();
            return new Summary(options.seriesCount(), salesRows, holdoutRows, options.seriesCount(),
                    counts[0], counts[1], (System.nanoTime() - started) / 1_000_000L);
        }
    }

    /**
     * The true mean demand lambda_t of every series on every simulated day (history, then
     * holdout), series in the tables' order (store, then SKU): the oracle forecast that knows the
     * calendar, prices and promotions but not each day's noise. For benchmarks of what the data
     * allows; the tables hold the noisy units drawn around it.
     */
    public static double[][] expectedDemand(RetailOptions options) {
        double[][] expected = new double[options.seriesCount()][];
        int[] next = new int[1];
        try {
            forEachSeries(options, (store, sku, series, rng) -> expected[next[0]++] = series.expected());
        } catch (SQLException e) {
            throw new IllegalStateException("no SQL runs here", e);
        }
        return expected;
    }

    /** Receives one simulated series and its random stream (for per-series draws after it). */
    private interface SeriesSink {
        void accept(String store, String sku, DemandSimulator.Series series, SplittableRandom rng) throws SQLException;
    }

    /** Simulates every series, store by store and SKU by SKU, each from its own stream. */
    private static void forEachSeries(RetailOptions options, SeriesSink sink) throws SQLException {
        SkuProfile[] skus = new SkuProfile[options.skus()];
        for (int k = 0; k < skus.length; k++) {
            skus[k] = SkuProfile.draw(stream(options.seed(), 1, k, 0), k, skus.length);
        }
        for (int s = 0; s < options.stores(); s++) {
            String store = String.format("S%02d", s + 1);
            double storeScale = s == 0 ? 1.0 : SkuProfile.uniform(stream(options.seed(), 2, s, 0), 0.45, 1.25);
            for (int k = 0; k < skus.length; k++) {
                SplittableRandom rng = stream(options.seed(), 3, s, k);
                sink.accept(store, String.format("SKU%03d", k + 1),
                        DemandSimulator.simulate(skus[k], storeScale, rng, options), rng);
            }
        }
    }

    private static void bindSalesRow(PreparedStatement ps, String store, String sku, Date day,
                                     DemandSimulator.Series series, int t) throws SQLException {
        ps.setString(1, store);
        ps.setString(2, sku);
        ps.setDate(3, day);
        ps.setInt(4, series.units()[t]);
        ps.setBigDecimal(5, BigDecimal.valueOf(series.priceCents()[t], 2));
        ps.setInt(6, series.promo()[t]);
        ps.setInt(7, series.pageViews()[t]);
    }

    /** Stock on hand: mean units of the last 28 history days times the lead time, times 0.5..2.5. */
    private static int onHand(int[] units, int history, int leadTime, SplittableRandom rng) {
        int window = Math.min(28, history);
        long sum = 0;
        for (int t = history - window; t < history; t++) {
            sum += units[t];
        }
        double cover = (double) sum / window * leadTime * SkuProfile.uniform(rng, 0.5, 2.5);
        return (int) Math.round(cover);
    }

    /** An independent stream per (kind, a, b) of a seed, by the SplitMix64 finaliser. */
    static SplittableRandom stream(long seed, long kind, long a, long b) {
        long h = mix64(seed ^ 0x9E3779B97F4A7C15L);
        h = mix64(h ^ (kind * 0xC2B2AE3D27D4EB4FL));
        h = mix64(h ^ (a * 0x165667B19E3779F9L));
        h = mix64(h ^ (b * 0x27D4EB2F165667C5L));
        return new SplittableRandom(h);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Adds rows to batches of {@value #BATCH_ROWS} and commits every {@value #COMMIT_ROWS} rows. */
    private static final class Batcher {
        private final Connection connection;
        private final List<PreparedStatement> statements = new ArrayList<>();
        private final List<Integer> pending = new ArrayList<>();
        private int sinceCommit;

        Batcher(Connection connection) {
            this.connection = connection;
        }

        void add(PreparedStatement ps) throws SQLException {
            ps.addBatch();
            int i = indexOf(ps);
            int n = pending.get(i) + 1;
            pending.set(i, n);
            if (n >= BATCH_ROWS) {
                ps.executeBatch();
                pending.set(i, 0);
            }
            if (++sinceCommit >= COMMIT_ROWS) {
                flush();
                connection.commit();
                sinceCommit = 0;
            }
        }

        void flush() throws SQLException {
            for (int i = 0; i < statements.size(); i++) {
                if (pending.get(i) > 0) {
                    statements.get(i).executeBatch();
                    pending.set(i, 0);
                }
            }
        }

        private int indexOf(PreparedStatement ps) {
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i) == ps) {
                    return i;
                }
            }
            statements.add(ps);
            pending.add(0);
            return statements.size() - 1;
        }
    }
}
