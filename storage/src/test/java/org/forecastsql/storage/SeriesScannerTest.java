package org.forecastsql.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans of real H2 file tables: types, keys, NULLs and the errors with their codes and messages. */
class SeriesScannerTest {

    @TempDir
    Path dir;
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        // DAY is a reserved word in H2 2.x: the column must be quoted in DDL (users hit this too).
        conn = DriverManager.getConnection("jdbc:h2:" + dir.resolve("scan"), "sa", "");
        exec("CREATE TABLE SALES (STORE_ID INT, SKU VARCHAR(20), \"DAY\" DATE, UNITS INT, PRICE DECIMAL(10, 2))");
        exec("INSERT INTO SALES VALUES "
                + "(1, 'A', DATE '2024-02-28', 5, 9.99), "
                + "(1, 'B', DATE '2024-02-28', 7, 4.50), "
                + "(2, 'A', DATE '2024-02-28', NULL, 9.99), "
                + "(1, 'A', DATE '2024-02-29', 6, NULL), "
                + "(1, 'B', NULL, 8, 4.50), "
                + "(2, 'A', DATE '2024-03-01', 3, 8.75), "
                + "(1, 'A', DATE '1969-12-31', -2, 1.25)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    private ScannedColumns scan(String sql, ScanSpec spec) throws SQLException, StorageException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return SeriesScanner.scan(rs, spec);
        }
    }

    private StorageException scanError(String sql, ScanSpec spec) {
        return assertThrows(StorageException.class, () -> scan(sql, spec));
    }

    @Test
    void dateTimeMultiColumnKeysAndNulls() throws Exception {
        ScannedColumns s = scan("SELECT * FROM SALES",
                new ScanSpec(List.of("store_id", "sku"), "day", "units", List.of("price")));
        assertEquals(6, s.rows());
        assertEquals(1, s.nullTimeRows());
        assertEquals(TimeEncoding.EPOCH_DAY, s.timeEncoding());
        assertEquals("DAY", s.timeColumn().name());
        assertEquals(List.of("STORE_ID", "SKU"), s.keyColumns().stream().map(ColumnInfo::name).toList());
        assertEquals(3, s.seriesCount());
        assertArrayEquals(new Object[] {1, "A"}, s.seriesKeys().get(0));
        assertArrayEquals(new Object[] {1, "B"}, s.seriesKeys().get(1));
        assertArrayEquals(new Object[] {2, "A"}, s.seriesKeys().get(2));
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 0}, s.seriesId());
        // 2024-02-28 is day 19781 since 1970-01-01; 1969-12-31 is day -1.
        assertArrayEquals(new long[] {19781, 19781, 19781, 19782, 19783, -1}, s.time());
        assertArrayEquals(new double[] {5, 7, Double.NaN, 6, 3, -2}, s.target());
        assertArrayEquals(new double[] {9.99, 4.50, 9.99, Double.NaN, 8.75, 1.25}, s.covariates()[0]);
    }

    @Test
    void keyTextAndFingerprint() throws Exception {
        ScanSpec spec = new ScanSpec(List.of("STORE_ID", "SKU"), "DAY", "UNITS", List.of("PRICE"));
        ScannedColumns s = scan("SELECT * FROM SALES", spec);
        assertEquals("STORE_ID=1, SKU=A", s.keyText(0));
        assertEquals("STORE_ID=2, SKU=A", s.keyText(2));
        assertEquals("", scan("SELECT * FROM SALES", new ScanSpec(List.of(), "DAY", "UNITS", List.of())).keyText(0));
        String fp = s.fingerprint();
        assertTrue(fp.matches("sha256:[0-9a-f]{64}"), fp);
        assertEquals(fp, scan("SELECT * FROM SALES", spec).fingerprint());
        exec("UPDATE SALES SET PRICE = 9.98 WHERE SKU = 'B'");
        assertFalse(fp.equals(scan("SELECT * FROM SALES", spec).fingerprint()));
    }

    /**
     * Avatica 1.28 (Calcite's JDBC layer) throws "cannot convert" for every {@code getObject(int, Class)}; the
     * scanner then reads DATE/TIMESTAMP with {@code getDate}/{@code getTimestamp}. The H2 result set is
     * wrapped so that those calls fail the way Avatica's do; every other call reaches H2.
     */
    @Test
    void driversWithoutJavaTimeGettersGiveTheSameScan() throws Exception {
        exec("CREATE TABLE TIMES (D DATE, TS TIMESTAMP(3), TZ TIMESTAMP(3) WITH TIME ZONE, Y INT)");
        // Not in a daylight-saving gap of any zone: there java.sql.Timestamp itself moves the wall clock.
        exec("INSERT INTO TIMES VALUES (DATE '2024-03-10', TIMESTAMP '2024-03-10 12:30:00.250', "
                + "TIMESTAMP WITH TIME ZONE '2024-03-10 02:30:00+05:30', 1), (NULL, NULL, NULL, 2), "
                + "(DATE '1900-02-28', TIMESTAMP '1900-02-28 23:59:59.999', TIMESTAMP WITH TIME ZONE "
                + "'1900-02-28 00:00:00-08:00', 3)");
        for (String time : List.of("D", "TS", "TZ")) {
            ScanSpec spec = new ScanSpec(List.of(), time, "Y", List.of());
            ScannedColumns direct = scan("SELECT * FROM TIMES", spec);
            ScannedColumns legacy;
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM TIMES")) {
                legacy = SeriesScanner.scan(withoutJavaTimeGetters(rs), spec);
            }
            assertEquals(1, legacy.nullTimeRows());
            assertArrayEquals(direct.time(), legacy.time(), time);
        }
    }

    private static ResultSet withoutJavaTimeGetters(ResultSet rs) {
        return (ResultSet) java.lang.reflect.Proxy.newProxyInstance(ResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getObject") && args.length == 2 && args[1] instanceof Class) {
                        throw new SQLException("cannot convert to Object (with type)");
                    }
                    try {
                        return method.invoke(rs, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void seriesOrderGroupsBySeriesAndSortsByTime() throws Exception {
        ScannedColumns s = scan("SELECT * FROM SALES",
                new ScanSpec(List.of("STORE_ID", "SKU"), "DAY", "UNITS", List.of()));
        SeriesOrder order = s.seriesOrder();
        assertArrayEquals(new int[] {0, 3, 4, 6}, order.offsets());
        // Series (1, A) has rows 0 (Feb 28), 3 (Feb 29), 5 (1969): sorted, row 5 first.
        assertArrayEquals(new int[] {5, 0, 3, 1, 2, 4}, order.order());
        assertEquals(3, order.length(0));
    }

    @Test
    void noKeyColumnsIsOneSeriesWithAnEmptyTuple() throws Exception {
        ScannedColumns s = scan("SELECT \"DAY\", UNITS FROM SALES", new ScanSpec(List.of(), "DAY", "UNITS", List.of()));
        assertEquals(1, s.seriesCount());
        assertEquals(0, s.seriesKeys().get(0).length);
        assertArrayEquals(new int[6], s.seriesId());
        assertEquals(0, s.covariates().length);
    }

    @Test
    void timestampDecimalAndDoubleColumns() throws Exception {
        exec("CREATE TABLE HOURLY (ID BIGINT, TS TIMESTAMP, Y DECIMAL(12, 3), X DOUBLE PRECISION, R REAL)");
        exec("INSERT INTO HOURLY VALUES (10, TIMESTAMP '2024-03-10 02:30:00.123456', 1.125, 2.5, 0.5), "
                + "(10, TIMESTAMP '1969-12-31 23:59:59.999', -3.000, NULL, NULL), "
                + "(NULL, TIMESTAMP '2024-03-10 03:00:00', NULL, 1e300, 1.5)");
        ScannedColumns s = scan("SELECT * FROM HOURLY", new ScanSpec(List.of("ID"), "TS", "Y", List.of("X", "R")));
        assertEquals(TimeEncoding.EPOCH_MILLIS, s.timeEncoding());
        // Wall clock read as UTC, no zone shift: 19792 days + 2.5 h + 123 ms (micros dropped).
        assertArrayEquals(new long[] {1710037800123L, -1L, 1710039600000L}, s.time());
        assertArrayEquals(new double[] {1.125, -3.0, Double.NaN}, s.target());
        assertArrayEquals(new double[] {2.5, Double.NaN, 1e300}, s.covariates()[0]);
        assertArrayEquals(new double[] {0.5, Double.NaN, 1.5}, s.covariates()[1]);
        // A NULL key value is a series of its own.
        assertArrayEquals(new int[] {0, 0, 1}, s.seriesId());
        assertArrayEquals(new Object[] {10L}, s.seriesKeys().get(0));
        assertArrayEquals(new Object[] {null}, s.seriesKeys().get(1));
    }

    @Test
    void timestampWithTimeZoneIsTheInstant() throws Exception {
        exec("CREATE TABLE TZ (T TIMESTAMP WITH TIME ZONE, Y SMALLINT)");
        exec("INSERT INTO TZ VALUES (TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+08:00', 4)");
        ScannedColumns s = scan("SELECT * FROM TZ", new ScanSpec(List.of(), "T", "Y", List.of()));
        assertEquals(TimeEncoding.EPOCH_MILLIS, s.timeEncoding());
        // 2023-12-31T16:00Z = 19722 days + 16 h.
        assertArrayEquals(new long[] {19722L * 86_400_000L + 16 * 3_600_000L}, s.time());
        assertArrayEquals(new double[] {4}, s.target());
    }

    @Test
    void integerAndBigintPeriods() throws Exception {
        exec("CREATE TABLE P (K1 INT, K2 BIGINT, PERIOD INT, BIG_PERIOD BIGINT, Y TINYINT)");
        exec("INSERT INTO P VALUES (1, 1, 3, 5000000000, 1), (1, NULL, 4, -5000000000, 2), "
                + "(1, 1, NULL, NULL, 3), (NULL, 1, 5, 7, NULL), (1, NULL, 6, 8, 4)");
        ScannedColumns s = scan("SELECT * FROM P", new ScanSpec(List.of("K1", "K2"), "PERIOD", "Y", List.of()));
        assertEquals(TimeEncoding.INTEGER, s.timeEncoding());
        assertEquals(4, s.rows());
        assertEquals(1, s.nullTimeRows());
        assertArrayEquals(new long[] {3, 4, 5, 6}, s.time());
        assertArrayEquals(new int[] {0, 1, 2, 1}, s.seriesId());
        assertArrayEquals(new Object[] {1, 1L}, s.seriesKeys().get(0));
        assertArrayEquals(new Object[] {1, null}, s.seriesKeys().get(1));
        assertArrayEquals(new Object[] {null, 1L}, s.seriesKeys().get(2));
        assertArrayEquals(new double[] {1, 2, Double.NaN, 4}, s.target());

        ScannedColumns big = scan("SELECT * FROM P", new ScanSpec(List.of(), "BIG_PERIOD", "Y", List.of()));
        assertArrayEquals(new long[] {5_000_000_000L, -5_000_000_000L, 7, 8}, big.time());
    }

    @Test
    void manySeriesGrowTheDictionaryAndArrays() throws Exception {
        // 3000 series x 4 periods, rows interleaved by period: codes are first-seen, i.e. row % 3000.
        exec("CREATE TABLE BIG AS SELECT MOD(X, 3000) AS STORE, MOD(X, 3000) * 7 AS ITEM, "
                + "CAST(MOD(X, 3000) AS VARCHAR) AS NAME, X / 3000 AS PERIOD, CAST(X AS DOUBLE) AS Y "
                + "FROM SYSTEM_RANGE(0, 11999)");
        for (String keys : new String[] {"STORE,ITEM", "NAME"}) {
            ScannedColumns s = scan("SELECT * FROM BIG ORDER BY PERIOD, STORE",
                    new ScanSpec(List.of(keys.split(",")), "PERIOD", "Y", List.of()));
            assertEquals(12000, s.rows());
            assertEquals(3000, s.seriesCount());
            for (int i = 0; i < s.rows(); i++) {
                assertEquals(i % 3000, s.seriesId()[i], keys);
                assertEquals(i, s.target()[i]);
                assertEquals(i / 3000, s.time()[i]);
            }
            Object[] last = s.seriesKeys().get(2999);
            assertEquals(keys.equals("NAME") ? "2999" : 2999L, keys.equals("NAME") ? last[0] : ((Number) last[0]).longValue());
        }
    }

    @Test
    void namesMatchCaseInsensitivelyAndLabelsWin() throws Exception {
        exec("CREATE TABLE Q (\"Units\" INT, UNITS INT, D DATE)");
        exec("INSERT INTO Q VALUES (1, 2, DATE '2024-01-01')");
        ScannedColumns exact = scan("SELECT * FROM Q", new ScanSpec(List.of(), "d", "Units", List.of()));
        assertArrayEquals(new double[] {1}, exact.target());
        StorageException ambiguous = scanError("SELECT * FROM Q", new ScanSpec(List.of(), "D", "units", List.of()));
        assertEquals(StorageException.Code.UNKNOWN_COLUMN, ambiguous.code());
        assertEquals("ambiguous column 'units': 2 input columns have that name; give them distinct aliases; "
                + "columns: Units, UNITS, D", ambiguous.getMessage());
        ScannedColumns aliased = scan("SELECT UNITS AS QTY, D AS WHEN_ FROM Q",
                new ScanSpec(List.of(), "when_", "qty", List.of()));
        assertEquals("QTY", aliased.targetColumn().name());
        assertArrayEquals(new double[] {2}, aliased.target());
    }

    @Test
    void unknownColumnListsTheColumns() {
        StorageException e = scanError("SELECT * FROM SALES",
                new ScanSpec(List.of("STORE_ID", "SKU"), "DAY", "UNTIS", List.of("PRICE")));
        assertEquals(StorageException.Code.UNKNOWN_COLUMN, e.code());
        assertEquals("unknown column 'UNTIS'; columns: STORE_ID, SKU, DAY, UNITS, PRICE", e.getMessage());
        assertEquals(StorageException.Code.UNKNOWN_COLUMN, scanError("SELECT * FROM SALES",
                new ScanSpec(List.of("STORE"), "DAY", "UNITS", List.of())).code());
        assertEquals(StorageException.Code.UNKNOWN_COLUMN, scanError("SELECT * FROM SALES",
                new ScanSpec(List.of(), "DAY", "UNITS", List.of("PRCE"))).code());
    }

    @Test
    void nonNumericTargetOrCovariateSaysItsType() {
        StorageException target = scanError("SELECT * FROM SALES", new ScanSpec(List.of(), "DAY", "SKU", List.of()));
        assertEquals(StorageException.Code.NON_NUMERIC_COLUMN, target.code());
        assertEquals("target column 'SKU' has type CHARACTER VARYING; accepted: numeric types (TINYINT, SMALLINT, "
                + "INTEGER, BIGINT, REAL, DOUBLE PRECISION, DECIMAL, NUMERIC, DECFLOAT)", target.getMessage());
        StorageException cov = scanError("SELECT * FROM SALES", new ScanSpec(List.of(), "DAY", "UNITS", List.of("DAY")));
        assertEquals(StorageException.Code.NON_NUMERIC_COLUMN, cov.code());
        assertTrue(cov.getMessage().startsWith("covariate column 'DAY' has type DATE; accepted: numeric types"),
                cov.getMessage());
    }

    @Test
    void badTimeColumnNamesTheAcceptedTypes() throws Exception {
        exec("CREATE TABLE BAD (T TIME, Y INT, D DECIMAL(8, 0))");
        for (String[] c : new String[][] {{"T", "TIME"}, {"D", "DECIMAL(8, 0)"}, {"Y", null}}) {
            if (c[1] == null) {
                continue;
            }
            StorageException e = scanError("SELECT * FROM BAD", new ScanSpec(List.of(), c[0], "Y", List.of()));
            assertEquals(StorageException.Code.BAD_TIME_COLUMN, e.code());
            assertEquals("time column '" + c[0] + "' has type " + c[1] + "; accepted: DATE, TIMESTAMP, "
                    + "TIMESTAMP WITH TIME ZONE, or an integer type (TINYINT, SMALLINT, INTEGER, BIGINT)", e.getMessage());
        }
        StorageException sku = scanError("SELECT * FROM SALES", new ScanSpec(List.of(), "SKU", "UNITS", List.of()));
        assertEquals(StorageException.Code.BAD_TIME_COLUMN, sku.code());
    }

    @Test
    void emptyInputAndAllNullTimes() {
        StorageException empty = scanError("SELECT * FROM SALES WHERE 1 = 0",
                new ScanSpec(List.of("SKU"), "DAY", "UNITS", List.of()));
        assertEquals(StorageException.Code.EMPTY_INPUT, empty.code());
        assertEquals("input has no rows; at least one row with a non-NULL DAY is needed", empty.getMessage());
        StorageException nullTimes = scanError("SELECT * FROM SALES WHERE \"DAY\" IS NULL",
                new ScanSpec(List.of("SKU"), "DAY", "UNITS", List.of()));
        assertEquals(StorageException.Code.EMPTY_INPUT, nullTimes.code());
        assertEquals("input has no rows with a non-NULL time: all 1 rows have NULL DAY", nullTimes.getMessage());
    }

    @Test
    void decimalKeysAndBinaryKeysCompareByValue() throws Exception {
        exec("CREATE TABLE K (A DECIMAL(5, 1), B VARBINARY(4), P INT, Y INT)");
        exec("INSERT INTO K VALUES (1.5, X'0102', 1, 1), (1.5, X'0102', 2, 2), (2.0, X'0102', 1, 3)");
        ScannedColumns s = scan("SELECT * FROM K", new ScanSpec(List.of("A", "B"), "P", "Y", List.of()));
        assertArrayEquals(new int[] {0, 0, 1}, s.seriesId());
        assertEquals(new BigDecimal("1.5"), s.seriesKeys().get(0)[0]);
    }

    @Test
    void datesBeyondTheEpochRangeOfInts() throws Exception {
        ScannedColumns s = scan("SELECT DATE '9999-12-31' AS D, 1 AS Y UNION ALL SELECT DATE '0001-01-01', 2",
                new ScanSpec(List.of(), "D", "Y", List.of()));
        assertArrayEquals(new long[] {LocalDate.of(9999, 12, 31).toEpochDay(), LocalDate.of(1, 1, 1).toEpochDay()},
                s.time());
    }
}
