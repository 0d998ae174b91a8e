package org.forecastsql.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encodings of time columns and the JDBC values written back for output rows. */
class TimeEncodingTest {

    @TempDir
    Path dir;

    private static ColumnInfo column(int jdbcType, String typeName) {
        return new ColumnInfo("T", jdbcType, typeName, 0, 0);
    }

    @Test
    void encodingPerType() throws StorageException {
        assertEquals(TimeEncoding.EPOCH_DAY, TimeEncoding.of(column(Types.DATE, "DATE")));
        assertEquals(TimeEncoding.EPOCH_MILLIS, TimeEncoding.of(column(Types.TIMESTAMP, "TIMESTAMP")));
        assertEquals(TimeEncoding.EPOCH_MILLIS,
                TimeEncoding.of(column(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE")));
        assertEquals(TimeEncoding.INTEGER, TimeEncoding.of(column(Types.SMALLINT, "SMALLINT")));
        assertEquals(TimeEncoding.INTEGER, TimeEncoding.of(column(Types.BIGINT, "BIGINT")));
        StorageException e = assertThrows(StorageException.class,
                () -> TimeEncoding.of(column(Types.DOUBLE, "DOUBLE PRECISION")));
        assertEquals(StorageException.Code.BAD_TIME_COLUMN, e.code());
    }

    @Test
    void sqlValuesInTheColumnsType() {
        assertEquals(Date.valueOf("2024-02-29"),
                TimeEncoding.toSqlValue(19782, TimeEncoding.EPOCH_DAY, column(Types.DATE, "DATE")));
        assertEquals(Timestamp.valueOf("2024-03-10 02:30:00.123"),
                TimeEncoding.toSqlValue(1710037800123L, TimeEncoding.EPOCH_MILLIS, column(Types.TIMESTAMP, "TIMESTAMP")));
        assertEquals(Timestamp.valueOf("1969-12-31 23:59:59.999"),
                TimeEncoding.toSqlValue(-1, TimeEncoding.EPOCH_MILLIS, column(Types.TIMESTAMP, "TIMESTAMP")));
        assertEquals(OffsetDateTime.of(2023, 12, 31, 16, 0, 0, 0, ZoneOffset.UTC),
                TimeEncoding.toSqlValue(19722L * 86_400_000L + 16 * 3_600_000L, TimeEncoding.EPOCH_MILLIS,
                        column(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE")));
        assertEquals(42, TimeEncoding.toSqlValue(42, TimeEncoding.INTEGER, column(Types.INTEGER, "INTEGER")));
        assertEquals(42L, TimeEncoding.toSqlValue(42, TimeEncoding.INTEGER, column(Types.BIGINT, "BIGINT")));
        assertEquals(LocalDate.of(2024, 2, 29),
                TimeEncoding.toJavaTimeValue(19782, TimeEncoding.EPOCH_DAY, column(Types.DATE, "DATE")));
        assertEquals(LocalDateTime.of(2024, 3, 10, 2, 30, 0, 123_000_000), TimeEncoding.toJavaTimeValue(
                1710037800123L, TimeEncoding.EPOCH_MILLIS, column(Types.TIMESTAMP, "TIMESTAMP")));
        assertThrows(IllegalArgumentException.class,
                () -> TimeEncoding.toSqlValue(1, TimeEncoding.EPOCH_DAY, column(Types.INTEGER, "INTEGER")));
        assertThrows(ArithmeticException.class,
                () -> TimeEncoding.toSqlValue(1L << 40, TimeEncoding.INTEGER, column(Types.INTEGER, "INTEGER")));
    }

    /**
     * Scan, decode, insert into a table of the same types, scan again: the same encoded values. The
     * JDBC 4.2 values are exact for every value; the legacy java.sql values go through the JVM's zone, so
     * they are checked on values that exist in every zone (none before 1900 with local mean time, none in
     * a daylight-saving gap). Passes with any -Duser.timezone.
     */
    @Test
    void roundTripThroughH2() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + dir.resolve("tz"), "sa", "");
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE A (D DATE, TS TIMESTAMP(3), TZ TIMESTAMP(3) WITH TIME ZONE, P BIGINT, Y INT)");
            st.execute("CREATE TABLE EDGE AS SELECT * FROM A WHERE 1 = 0");
            st.execute("INSERT INTO A VALUES (DATE '2024-02-29', TIMESTAMP '2024-03-31 12:30:00.5', "
                    + "TIMESTAMP WITH TIME ZONE '2024-10-27 01:30:00-05:00', 9000000000, 1), "
                    + "(DATE '1970-01-01', TIMESTAMP '1969-12-31 23:59:59.999', "
                    + "TIMESTAMP WITH TIME ZONE '1950-01-01 00:00:00+01:00', -3, 2)");
            st.execute("INSERT INTO EDGE VALUES (DATE '1900-01-01', TIMESTAMP '2024-03-31 02:30:00', "
                    + "TIMESTAMP WITH TIME ZONE '1900-01-01 00:00:00+05:53', 0, 1), (DATE '0001-01-01', "
                    + "TIMESTAMP '2024-03-10 02:30:00', TIMESTAMP WITH TIME ZONE '2024-03-10 02:30:00-05:00', 1, 2)");
            st.execute("CREATE TABLE B AS SELECT * FROM A WHERE 1 = 0");
            for (String table : List.of("A", "EDGE")) {
                for (String time : List.of("D", "TS", "TZ", "P")) {
                    ScannedColumns a;
                    try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                        a = SeriesScanner.scan(rs, new ScanSpec(List.of(), time, "Y", List.of()));
                    }
                    for (boolean legacy : new boolean[] {false, true}) {
                        if (legacy && table.equals("EDGE")) {
                            continue;
                        }
                        st.execute("DELETE FROM B");
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO B (" + time + ", Y) VALUES (?, ?)")) {
                            for (int i = 0; i < a.rows(); i++) {
                                ps.setObject(1, legacy
                                        ? TimeEncoding.toSqlValue(a.time()[i], a.timeEncoding(), a.timeColumn())
                                        : TimeEncoding.toJavaTimeValue(a.time()[i], a.timeEncoding(), a.timeColumn()));
                                ps.setDouble(2, a.target()[i]);
                                ps.executeUpdate();
                            }
                        }
                        ScannedColumns b;
                        try (ResultSet rs = st.executeQuery("SELECT * FROM B")) {
                            b = SeriesScanner.scan(rs, new ScanSpec(List.of(), time, "Y", List.of()));
                        }
                        assertEquals(java.util.Arrays.toString(a.time()), java.util.Arrays.toString(b.time()),
                                table + "." + time + (legacy ? " via java.sql" : " via java.time"));
                    }
                }
            }
        }
    }
}
