package org.forecastsql.jdbc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * FORECAST rows per second through JDBC, next to a plain scan of the same number of rows through
 * the same driver (the reference measured in the same run).
 *
 * <pre>
 * mvn -q -o -DskipTests install
 * mvn -q -o -pl jdbc-driver exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.forecastsql.jdbc.bench.ForecastThroughputBench -Dexec.args="2000 365 28 methods=snaive"
 * </pre>
 * Arguments: series, days of history, horizon, TRAIN_MODEL options suffix.
 */
public final class ForecastThroughputBench {
    private ForecastThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        int horizon = args.length > 2 ? Integer.parseInt(args[2]) : 28;
        String methods = args.length > 3 ? args[3] : "methods=snaive";
        Path dir = Files.createTempDirectory("fsql-bench");
        try (Connection c = DriverManager.getConnection("jdbc:forecast:file:" + dir.resolve("bench"));
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE sales(sku INT, day DATE, units INT)");
            long t0 = System.nanoTime();
            st.execute("INSERT INTO sales SELECT s.x, DATEADD(DAY, d.x, DATE '2024-01-01'), "
                    + "MOD(s.x, 50) + CASE MOD(d.x, 7) WHEN 5 THEN 9 WHEN 6 THEN 12 ELSE MOD(d.x * 7 + s.x, 5) END "
                    + "FROM SYSTEM_RANGE(1, " + series + ") s, SYSTEM_RANGE(0, " + (days - 1) + ") d");
            System.out.printf("data: %d series x %d days = %,d rows in %.1f s%n", series, days, (long) series * days, secs(t0));
            t0 = System.nanoTime();
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM TABLE(TRAIN_MODEL('bench', 'sales', 'series=sku; horizon="
                    + horizon + "; " + methods + "'))")) {
                rs.next();
            }
            double train = secs(t0);
            System.out.printf("TRAIN_MODEL (%s): %.1f s, %.2f ms per series, %,.0f input rows/s%n", methods, train,
                    1000 * train / series, series * (double) days / train);
            for (int rep = 0; rep < 3; rep++) {
                long rows = 0;
                t0 = System.nanoTime();
                try (ResultSet rs = st.executeQuery("SELECT * FROM TABLE(FORECAST('bench', " + horizon + "))")) {
                    while (rs.next()) {
                        rs.getInt(1);
                        rs.getDate(2);
                        rs.getDouble(3);
                        rs.getDouble(6);
                        rows++;
                    }
                }
                double f = secs(t0);
                long limit = rows;
                t0 = System.nanoTime();
                long scanned = 0;
                try (ResultSet rs = st.executeQuery("SELECT sku, day, units, units FROM sales LIMIT " + limit)) {
                    while (rs.next()) {
                        rs.getInt(1);
                        rs.getDate(2);
                        rs.getDouble(3);
                        rs.getDouble(4);
                        scanned++;
                    }
                }
                double s = secs(t0);
                System.out.printf("FORECAST: %,d rows in %.2f s = %,.0f rows/s; plain scan of %,d rows: %,.0f rows/s; ratio %.2f%n",
                        rows, f, rows / f, scanned, scanned / s, (rows / f) / (scanned / s));
            }
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
