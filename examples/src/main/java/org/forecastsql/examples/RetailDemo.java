package org.forecastsql.examples;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end-to-end retail demo: generate three years of daily sales for a few stores and tens of
 * SKUs, train a forecasting model with SQL, forecast the next 28 days (which hold the Spring
 * Festival 2026), compare its accuracy with seasonal naive, and print a reorder report that joins
 * the forecast with the inventory table. Uses only {@code java.sql}; the {@code jdbc:forecast:}
 * driver is found on the class path.
 *
 * <p>Usage: {@code RetailDemo [jdbcUrl] [--stores=N] [--skus=N] [--days=N] [--seed=N]}, default URL
 * {@value #DEFAULT_URL}, sizes as {@link RetailOptions#defaults()} ({@code --days} is the number of
 * history days before the 28-day holdout). Exits with status 1 on failure, 2 on bad arguments.
 */
public final class RetailDemo {

    /** The embedded database the demo creates when no URL is given. */
    public static final String DEFAULT_URL = "jdbc:forecast:file:./demo-data/shop";

    private static final int SHOWN_ROWS = 15;

    /**
     * What the demo measured.
     *
     * @param series          series trained
     * @param forecastRows    rows returned by FORECAST
     * @param forecastMillis  wall time of the FORECAST query, all rows read
     * @param reorderRows     SKUs in the reorder report
     * @param holdoutMase     overall MASE of the model on the holdout
     * @param benchmarkMase   the same for seasonal naive
     * @param millis          wall time of the whole demo
     */
    public record Report(int series, int forecastRows, long forecastMillis, int reorderRows,
                         double holdoutMase, double benchmarkMase, long millis) {
    }

    private RetailDemo() {
    }

    /** Runs the demo; exits non-zero on failure. */
    public static void main(String[] args) {
        String url = DEFAULT_URL;
        RetailOptions options = RetailOptions.defaults();
        try {
            for (String arg : args) {
                if (!arg.startsWith("--")) {
                    url = arg;
                    continue;
                }
                String[] kv = arg.substring(2).split("=", 2);
                long value = Long.parseLong(kv.length == 2 ? kv[1] : "");
                options = switch (kv[0]) {
                    case "stores" -> options.withSize((int) value, options.skus());
                    case "skus" -> options.withSize(options.stores(), (int) value);
                    case "days" -> options.withHistoryDays((int) value);
                    case "seed" -> options.withSeed(value);
                    default -> throw new IllegalArgumentException("unknown option '" + arg
                            + "'; options: --stores=N, --skus=N, --days=N, --seed=N");
                };
            }
        } catch (IllegalArgumentException e) {
            System.err.println("usage: RetailDemo [jdbcUrl] [--stores=N] [--skus=N] [--days=N] [--seed=N]: "
                    + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(url, options, System.out);
        } catch (SQLException | RuntimeException e) {
            System.err.println("retail demo failed: " + e);
            if (e instanceof SQLException sql) {
                System.err.println("SQLState " + sql.getSQLState() + ", error code " + sql.getErrorCode());
            }
            System.exit(1);
        }
    }

    /** Runs the whole demo against {@code url}, printing the report to {@code out}. */
    public static Report run(String url, RetailOptions options, PrintStream out) throws SQLException {
        long started = System.nanoTime();
        out.println("ForecastSQL retail demo: " + url);
        try (Connection connection = DriverManager.getConnection(url)) {
            RetailDataGenerator.Summary data = RetailDataGenerator.generate(connection, options);
            out.printf(Locale.ROOT, "%n1. Data: stores %d, SKUs %d; sales %s..%s (%,d rows, %,d zero days, %,d stockout"
                            + " days), holdout %s..%s (%,d rows), inventory %d rows; %.1f s%n",
                    options.stores(), options.skus(), options.firstDay(), options.lastHistoryDay(), data.salesRows(),
                    data.zeroDays(), data.stockoutDays(), options.firstHoldoutDay(), options.endDate(),
                    data.holdoutRows(), data.inventoryRows(), data.millis() / 1000.0);

            RetailQueries sql = new RetailQueries(options);
            out.printf("%n2. TRAIN_MODEL '%s' (methods=%s)%n", RetailQueries.MODEL, RetailQueries.METHODS);
            int series = train(connection, sql.train(RetailQueries.MODEL, "; methods=" + RetailQueries.METHODS), out);
            out.printf("%n   TRAIN_MODEL '%s' (methods=snaive, the benchmark)%n", RetailQueries.BENCHMARK);
            train(connection, sql.train(RetailQueries.BENCHMARK, "; methods=snaive"), out);

            out.printf("%n3. FORECAST %d days%n", options.holdoutDays());
            long forecastStart = System.nanoTime();
            int forecastRows = count(connection, sql.allForecasts());
            long forecastMillis = (System.nanoTime() - forecastStart) / 1_000_000L;
            out.printf(Locale.ROOT, "   %,d rows in %.2f s (%,.0f rows/s through JDBC)%n", forecastRows,
                    forecastMillis / 1000.0, forecastRows / Math.max(1e-3, forecastMillis / 1000.0));
            String sku = String.format("SKU%03d", options.skus());
            out.printf("%n   S01 / %s, the fastest SKU:%n", sku);
            print(connection, sql.seriesForecast("S01", sku), 7, out);
            out.printf("%n   All series, per day: forecast against the actuals that arrived later%n");
            print(connection, sql.dailyTotals(), options.holdoutDays(), out);

            out.printf("%n4. Accuracy (overall rows of EVALUATE)%n");
            double[] mase = accuracy(connection, sql, out);
            out.printf("%n   Backtest of '%s' by candidate method%n", RetailQueries.MODEL);
            print(connection, sql.backtestByMethod(RetailQueries.MODEL), SHOWN_ROWS, out);

            out.printf("%n5. Reorder report: lead-time demand plus 95%% safety stock vs stock on hand%n");
            int reorderRows = print(connection, sql.reorder(), SHOWN_ROWS, out);
            out.printf("   %d of %d store x SKU pairs need an order%n", reorderRows, options.seriesCount());

            out.printf("%n6. Model catalogue%n");
            print(connection, RetailQueries.models(), SHOWN_ROWS, out);

            long millis = (System.nanoTime() - started) / 1_000_000L;
            out.printf(Locale.ROOT, "%nDone in %.1f s%n", millis / 1000.0);
            return new Report(series, forecastRows, forecastMillis, reorderRows, mase[0], mase[1], millis);
        }
    }

    /** Runs TRAIN_MODEL and prints the methods chosen and the fallbacks; returns the series count. */
    private static int train(Connection connection, String sql, PrintStream out) throws SQLException {
        long start = System.nanoTime();
        Map<String, int[]> methods = new TreeMap<>();
        Map<String, Integer> fallbacks = new TreeMap<>();
        List<Object[]> examples = new ArrayList<>();
        int series = 0;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                series++;
                methods.computeIfAbsent(String.valueOf(rs.getString("METHOD")), k -> new int[1])[0]++;
                String status = String.valueOf(rs.getString("STATUS"));
                if (!"ok".equalsIgnoreCase(status)) {
                    fallbacks.merge(status, 1, Integer::sum);
                    if (examples.size() < 5) {
                        examples.add(new Object[] {rs.getString("STORE_ID"), rs.getString("SKU"), rs.getInt("N_OBS"), status});
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "   %d series trained in %.1f s%n", series, (System.nanoTime() - start) / 1e9);
        List<Object[]> rows = new ArrayList<>();
        methods.forEach((method, n) -> rows.add(new Object[] {method, n[0]}));
        TablePrinter.print(out, TablePrinter.of(List.of("METHOD", "SERIES"), rows), "   ");
        if (fallbacks.isEmpty()) {
            out.println("   no fallbacks");
        } else {
            List<Object[]> statuses = new ArrayList<>();
            fallbacks.forEach((status, n) -> statuses.add(new Object[] {status, n}));
            TablePrinter.print(out, TablePrinter.of(List.of("STATUS", "SERIES"), statuses), "   ");
            out.println("   for example:");
            TablePrinter.print(out, TablePrinter.of(List.of("STORE_ID", "SKU", "N_OBS", "STATUS"), examples), "   ");
        }
        return series;
    }

    /** Prints the four overall EVALUATE rows and returns the holdout MASE of the model and the benchmark. */
    private static double[] accuracy(Connection connection, RetailQueries sql, PrintStream out) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        double[] holdoutMase = new double[2];
        String[] models = {RetailQueries.MODEL, RetailQueries.BENCHMARK};
        for (int m = 0; m < models.length; m++) {
            for (boolean holdout : new boolean[] {false, true}) {
                String query = holdout ? sql.holdout(models[m]) : sql.backtest(models[m]);
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
                    if (!rs.next()) {
                        throw new SQLException("EVALUATE returned no overall row (" + RetailQueries.OVERALL_ROW
                                + ") for " + models[m] + ": " + query);
                    }
                    rows.add(new Object[] {models[m], holdout ? "holdout" : "backtest", rs.getLong("N"),
                        rs.getDouble("MAE"), rs.getDouble("SMAPE"), rs.getDouble("MASE"), rs.getDouble("WAPE"),
                        rs.getDouble("BIAS"), rs.getDouble("COVERAGE_80"), rs.getDouble("COVERAGE_95")});
                    if (holdout) {
                        holdoutMase[m] = rs.getDouble("MASE");
                    }
                }
            }
        }
        TablePrinter.print(out, TablePrinter.of(List.of("MODEL", "SCORED ON", "N", "MAE", "SMAPE", "MASE", "WAPE",
                "BIAS", "COVERAGE_80", "COVERAGE_95"), rows), "   ");
        out.printf(Locale.ROOT, "   holdout MASE: %s %.3f vs seasonal naive %.3f (ratio %.2f)%n", RetailQueries.MODEL,
                holdoutMase[0], holdoutMase[1], holdoutMase[0] / holdoutMase[1]);
        return holdoutMase;
    }

    /** Prints a query's result (at most {@code maxRows}) and returns its total row count. */
    private static int print(Connection connection, String sql, int maxRows, PrintStream out) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            TablePrinter.Table table = TablePrinter.read(rs, maxRows);
            TablePrinter.print(out, table, "   ");
            return table.totalRows();
        }
    }

    private static int count(Connection connection, String sql) throws SQLException {
        int rows = 0;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }
}
