package org.forecastsql.storage;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How a time column's values are held as {@code long}s in a scan.
 *
 * <ul>
 *   <li>{@link #EPOCH_DAY}: DATE, as days since 1970-01-01 ({@link LocalDate#toEpochDay()}).</li>
 *   <li>{@link #EPOCH_MILLIS}: TIMESTAMP, as milliseconds of its wall-clock time read as if it were UTC
 *       ({@link LocalDateTime}, no zone shifts, so that daylight-saving changes of the JVM's zone
 *       never create or remove periods); TIMESTAMP WITH TIME ZONE, as the instant's milliseconds since
 *       the epoch (calendar arithmetic on it is therefore in UTC). Sub-millisecond digits are dropped.</li>
 *   <li>{@link #INTEGER}: TINYINT, SMALLINT, INTEGER, BIGINT periods, as the value itself.</li>
 * </ul>
 */
public enum TimeEncoding {
    EPOCH_DAY,
    EPOCH_MILLIS,
    INTEGER;

    static final String ACCEPTED =
            "DATE, TIMESTAMP, TIMESTAMP WITH TIME ZONE, or an integer type (TINYINT, SMALLINT, INTEGER, BIGINT)";

    /**
     * The encoding for a time column.
     *
     * @throws StorageException {@link StorageException.Code#BAD_TIME_COLUMN} for any other type,
     *         naming the column, its type and the accepted types
     */
    public static TimeEncoding of(ColumnInfo column) throws StorageException {
        switch (column.jdbcType()) {
            case Types.DATE:
                return EPOCH_DAY;
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return EPOCH_MILLIS;
            default:
                if (column.isInteger()) {
                    return INTEGER;
                }
                throw new StorageException(StorageException.Code.BAD_TIME_COLUMN,
                        "time column '" + column.name() + "' has type " + column.displayType()
                                + "; accepted: " + ACCEPTED);
        }
    }

    /**
     * The JDBC value for an encoded time, in the column's own type, for output rows:
     * {@link Date} for DATE, {@link Timestamp} for TIMESTAMP (the same wall-clock time),
     * {@link OffsetDateTime} at UTC for TIMESTAMP WITH TIME ZONE, {@link Long} for BIGINT and
     * {@link Integer} for the smaller integer types.
     *
     * <p>{@code java.sql.Date}/{@code Timestamp} are defined in the JVM's default zone: a wall-clock time
     * that does not exist there (a daylight-saving gap) is moved by the JDK, and dates from the era of
     * local mean time (before about 1900) may come back a day off through H2. {@link #toJavaTimeValue}
     * is exact for every value.
     *
     * @throws IllegalArgumentException when the encoding does not belong to the column's type
     * @throws ArithmeticException when an INTEGER value does not fit an {@code int} column
     */
    public static Object toSqlValue(long encoded, TimeEncoding encoding, ColumnInfo column) {
        check(encoding, column);
        switch (encoding) {
            case EPOCH_DAY:
                return Date.valueOf(LocalDate.ofEpochDay(encoded));
            case EPOCH_MILLIS:
                if (column.jdbcType() == Types.TIMESTAMP_WITH_TIMEZONE) {
                    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(encoded), ZoneOffset.UTC);
                }
                return Timestamp.valueOf(localDateTime(encoded));
            default:
                return integerValue(encoded, column);
        }
    }

    /**
     * The JDBC 4.2 value for an encoded time: {@link LocalDate}, {@link LocalDateTime},
     * {@link OffsetDateTime} (UTC), {@link Long} or {@link Integer}, as {@link #toSqlValue} but free of
     * the default time zone.
     */
    public static Object toJavaTimeValue(long encoded, TimeEncoding encoding, ColumnInfo column) {
        check(encoding, column);
        switch (encoding) {
            case EPOCH_DAY:
                return LocalDate.ofEpochDay(encoded);
            case EPOCH_MILLIS:
                if (column.jdbcType() == Types.TIMESTAMP_WITH_TIMEZONE) {
                    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(encoded), ZoneOffset.UTC);
                }
                return localDateTime(encoded);
            default:
                return integerValue(encoded, column);
        }
    }

    /** Milliseconds of a wall-clock time read as UTC (the {@link #EPOCH_MILLIS} encoding of a TIMESTAMP). */
    static long epochMillis(LocalDateTime t) {
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1000L), t.getNano() / 1_000_000);
    }

    private static LocalDateTime localDateTime(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
                (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
    }

    private static Object integerValue(long encoded, ColumnInfo column) {
        if (column.jdbcType() == Types.BIGINT) {
            return encoded;
        }
        return Math.toIntExact(encoded);
    }

    private static void check(TimeEncoding encoding, ColumnInfo column) {
        TimeEncoding expected;
        try {
            expected = of(column);
        } catch (StorageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (expected != encoding) {
            throw new IllegalArgumentException("encoding " + encoding + " does not belong to column '"
                    + column.name() + "' of type " + column.typeName() + "; expected " + expected);
        }
    }
}
