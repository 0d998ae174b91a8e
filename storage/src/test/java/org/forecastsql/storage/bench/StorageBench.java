package org.forecastsql.storage.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.forecastsql.storage.ModelCatalog;
import org.forecastsql.storage.ScanSpec;
import org.forecastsql.storage.ScannedColumns;
import org.forecastsql.storage.SeriesRecord;
import org.forecastsql.storage.SeriesScanner;

/**
 * Storage figures: scan rows/s on a 1M-row H2 file table (against a bare loop doing the same JDBC reads,
 * which is H2's own cost), and the time to save and read back 30k series records in the catalogue.
 *
 * <p>Run: {@code mvn -q -o -pl storage test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.forecastsql.storage.bench.StorageBench} (optional arguments via
 * {@code -Dexec.args="<rows> <series> <repeats>"}; defaults 1000000 30000 5).
 */
public final class StorageBench {

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private StorageBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seriesCount = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("forecastsql-bench");
        try {
            String url = "jdbc:h2:" + dir.resolve("bench");
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                long t0 = System.nanoTime();
                createSales(c, rows);
                System.out.printf(Locale.ROOT, "created %,d rows in %.1f s%n", rows, seconds(t0));
                benchScan(c, rows, repeats);
            }
            benchCatalog(url, seriesCount);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** 20 stores x 50 SKUs x (rows / 1000) days; rows come in day order, interleaving the series. */
    private static void createSales(Connection c, int rows) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE SALES (STORE_ID INT, SKU VARCHAR(16), SKU_ID INT, \"DAY\" DATE, UNITS INT, "
                    + "PRICE DECIMAL(10, 2), PROMO DOUBLE PRECISION)");
            st.execute("INSERT INTO SALES SELECT MOD(X, 20), 'SKU-' || MOD(X / 20, 50), MOD(X / 20, 50), "
                    + "DATE '2022-01-01' + CAST(X / 1000 AS INT), CASE WHEN MOD(X, 97) = 0 THEN NULL ELSE MOD(X * 7, 23) END, "
                    + "9.99 + MOD(X, 5), CAST(MOD(X, 11) = 0 AS INT) FROM SYSTEM_RANGE(0, " + (rows - 1) + ")");
        }
    }

    private static void benchScan(Connection c, int rows, int repeats) throws Exception {
        ScanSpec stringKeys = new ScanSpec(List.of("STORE_ID", "SKU"), "DAY", "UNITS", List.of("PRICE", "PROMO"));
        ScanSpec intKeys = new ScanSpec(List.of("STORE_ID", "SKU_ID"), "DAY", "UNITS", List.of("PRICE", "PROMO"));
        for (boolean lazy : new boolean[] {false, true}) {
            try (Statement st = c.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION " + lazy);
            }
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                long c0 = cpu();
                double checksum = bareLoop(c);
                double bare = seconds(t0);
                double bareCpu = cpuSeconds(c0);
                t0 = System.nanoTime();
                c0 = cpu();
                ScannedColumns a = scan(c, stringKeys);
                double scanString = seconds(t0);
                double scanStringCpu = cpuSeconds(c0);
                t0 = System.nanoTime();
                c0 = cpu();
                ScannedColumns b = scan(c, intKeys);
                double scanInt = seconds(t0);
                double scanIntCpu = cpuSeconds(c0);
                System.out.printf(Locale.ROOT, "scan %d (LAZY_QUERY_EXECUTION %s), rows/s wall (per CPU-s): "
                        + "bare JDBC loop %,.0f (%,.0f) | SeriesScanner INT+VARCHAR keys %,.0f (%,.0f) | "
                        + "INT+INT keys %,.0f (%,.0f)  [%d and %d series, checksum %.0f]%n", r + 1, lazy,
                        rows / bare, rows / bareCpu, rows / scanString, rows / scanStringCpu, rows / scanInt,
                        rows / scanIntCpu, a.seriesCount(), b.seriesCount(), checksum);
            }
        }
    }

    private static ScannedColumns scan(Connection c, ScanSpec spec) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM SALES")) {
            return SeriesScanner.scan(rs, spec);
        }
    }

    /** The same JDBC reads as a scan with INT keys, without storing anything: H2's share of the time. */
    private static double bareLoop(Connection c) throws SQLException {
        double sum = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM SALES")) {
            while (rs.next()) {
                sum += rs.getLong(1) + rs.getLong(3) + rs.getObject(4, LocalDate.class).toEpochDay()
                        + rs.getDouble(5) + rs.getDouble(6) + rs.getDouble(7);
            }
        }
        return sum;
    }

    private static void benchCatalog(String url, int seriesCount) throws Exception {
        byte[] state = new byte[512];
        try (ModelCatalog catalog = ModelCatalog.open(url, "sa", "")) {
            for (int r = 1; r <= 3; r++) {
                Iterator<SeriesRecord> records = new Iterator<>() {
                    int i;

                    @Override
                    public boolean hasNext() {
                        return i < seriesCount;
                    }

                    @Override
                    public SeriesRecord next() {
                        int k = i++;
                        return new SeriesRecord(k, "STORE_ID=" + (k % 20) + ", SKU=SKU-" + k, "snaive", 1000, "ok",
                                0.9, 12.5, state);
                    }
                };
                long t0 = System.nanoTime();
                long c0 = cpu();
                long p0 = processCpu();
                int version = catalog.save("bench", "horizon=28", "fp", "snaive", new byte[4096], records, List.of());
                double save = seconds(t0);
                double saveCpu = cpuSeconds(c0);
                double saveProcessCpu = (processCpu() - p0) / 1e9;
                t0 = System.nanoTime();
                List<SeriesRecord> back = new ArrayList<>(catalog.series("bench", version));
                double read = seconds(t0);
                System.out.printf(Locale.ROOT, "catalogue v%d: save %,d series (512-byte states) %.2f s "
                        + "(%.2f CPU-s in this thread, %.2f in the JVM); read back %.2f s (%d records)%n", version, seriesCount,
                        save, saveCpu, saveProcessCpu, read, back.size());
            }
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** CPU seconds of this thread (the machine is shared: wall time alone overstates the cost). */
    private static double cpuSeconds(long cpu0) {
        return (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU nanoseconds of the whole JVM (H2's background writer, GC and JIT included). */
    private static long processCpu() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1;
    }
}
