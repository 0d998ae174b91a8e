package org.forecastsql.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.forecastsql.examples.RetailDataGenerator;
import org.forecastsql.examples.RetailOptions;

/**
 * Prints how fast the retail data generates into H2 (in memory and a file) and what accuracy the
 * data allows on its holdout: mean per-series MASE (M4 scaling: in-sample seasonal-naive MAE, season
 * 7) of seasonal naive and of the oracle that forecasts each day's true mean demand.
 *
 * <p>Run (after {@code mvn -q -DskipTests install}): {@code mvn -q -pl examples test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.forecastsql.examples.bench.RetailDataBench};
 * optional arguments ({@code -Dexec.args}): JDBC URLs to generate into, the last one is scored.
 * Default: H2 in memory, then the same H2 file twice (cold, then warm).
 */
public final class RetailDataBench {

    private RetailDataBench() {
    }

    public static void main(String[] args) throws Exception {
        RetailOptions options = RetailOptions.defaults();
        long rows = (long) options.seriesCount() * options.totalDays();
        Path dir = Files.createTempDirectory("retail-bench");
        String[] urls = args.length > 0 ? args
                : new String[] {"jdbc:h2:mem:bench", "jdbc:h2:file:" + dir.resolve("shop"), "jdbc:h2:file:" + dir.resolve("shop")};
        for (String url : urls) {
            RetailDataGenerator.Summary summary = RetailDataGenerator.generate(url, options);
            System.out.printf(Locale.ROOT, "%-40s %,d rows in %.2f s: %,.0f rows/s%n", url, rows,
                    summary.millis() / 1000.0, rows / (summary.millis() / 1000.0));
        }
        try (Connection c = DriverManager.getConnection(urls[urls.length - 1])) {
            holdoutBounds(c, options);
        }
    }

    private static void holdoutBounds(Connection c, RetailOptions options) throws SQLException {
        int history = options.historyDays();
        int days = options.totalDays();
        int[][] units = new int[options.seriesCount()][days];
        String sql = "SELECT units FROM (SELECT store_id, sku, sale_date, units FROM sales"
                + " UNION ALL SELECT store_id, sku, sale_date, units FROM sales_holdout) t ORDER BY store_id, sku, sale_date";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            for (int i = 0; rs.next(); i++) {
                units[i / days][i % days] = rs.getInt(1);
            }
        }
        double[][] oracle = RetailDataGenerator.expectedDemand(options);
        double snaiveSum = 0;
        double oracleSum = 0;
        double snaiveFast = 0;
        double oracleFast = 0;
        for (int s = 0; s < units.length; s++) {
            int[] y = units[s];
            double scale = 0;
            double level = 0;
            for (int t = 7; t < history; t++) {
                scale += Math.abs(y[t] - y[t - 7]);
                level += y[t];
            }
            scale /= history - 7;
            double snaive = 0;
            double best = 0;
            for (int t = history; t < days; t++) {
                snaive += Math.abs(y[t] - y[history - 7 + (t - history) % 7]);
                best += Math.abs(y[t] - oracle[s][t]);
            }
            double h = days - history;
            snaiveSum += snaive / h / scale;
            oracleSum += best / h / scale;
            if (level / (history - 7) >= 2.0) {
                snaiveFast += snaive / h / scale;
                oracleFast += best / h / scale;
            }
        }
        int n = units.length;
        System.out.printf(Locale.ROOT, "holdout %s..%s, %d series, mean MASE: seasonal naive %.3f, mean oracle %.3f"
                        + " (%.2f x seasonal naive); series selling >= 2/day: oracle %.2f x seasonal naive%n",
                options.firstHoldoutDay(), options.endDate(), n, snaiveSum / n, oracleSum / n,
                oracleSum / snaiveSum, oracleFast / snaiveFast);
    }
}
