package org.forecastsql.storage;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Reads a time column as its {@link TimeEncoding} value. Temporal columns are read with the JDBC 4.2
 * getters ({@code getObject(i, LocalDate.class)} ...), which involve no time zone. Some drivers lack them
 * (Avatica 1.28, under Calcite, throws "cannot convert" for every {@code getObject(int, Class)}): when the
 * first such read fails, the reader switches for good to {@code getDate}/{@code getTimestamp}, whose
 * {@code toLocalDate()}/{@code toLocalDateTime()} give back the same wall-clock values in the JVM's zone,
 * except a TIMESTAMP inside a daylight-saving gap of that zone, which {@code java.sql.Timestamp} itself
 * moves forward (a limit of the legacy API, not of the scan).
 */
abstract class TimeReader {

    /** The encoded value of the last successful {@link #read}. */
    long value;

    /** Reads the current row; false when the time is NULL. */
    abstract boolean read(ResultSet rs, int column) throws SQLException;

    static TimeReader of(ColumnInfo column, TimeEncoding encoding) {
        if (encoding == TimeEncoding.INTEGER) {
            return new IntegerReader();
        }
        switch (column.jdbcType()) {
            case Types.DATE:
                return new DateReader();
            case Types.TIMESTAMP:
                return new TimestampReader();
            default:
                return new InstantReader();
        }
    }

    private static final class IntegerReader extends TimeReader {
        @Override
        boolean read(ResultSet rs, int column) throws SQLException {
            value = rs.getLong(column);
            return !rs.wasNull();
        }
    }

    private static final class DateReader extends TimeReader {
        private boolean legacy;
        private boolean decided;

        @Override
        boolean read(ResultSet rs, int column) throws SQLException {
            if (!legacy) {
                LocalDate d;
                try {
                    d = rs.getObject(column, LocalDate.class);
                } catch (SQLException e) {
                    if (decided) {
                        throw e;
                    }
                    legacy = true;
                    return read(rs, column);
                }
                decided = true;
                if (d == null) {
                    return false;
                }
                value = d.toEpochDay();
                return true;
            }
            Date d = rs.getDate(column);
            if (d == null) {
                return false;
            }
            value = d.toLocalDate().toEpochDay();
            return true;
        }
    }

    private static final class TimestampReader extends TimeReader {
        private boolean legacy;
        private boolean decided;

        @Override
        boolean read(ResultSet rs, int column) throws SQLException {
            if (!legacy) {
                LocalDateTime t;
                try {
                    t = rs.getObject(column, LocalDateTime.class);
                } catch (SQLException e) {
                    if (decided) {
                        throw e;
                    }
                    legacy = true;
                    return read(rs, column);
                }
                decided = true;
                if (t == null) {
                    return false;
                }
                value = TimeEncoding.epochMillis(t);
                return true;
            }
            Timestamp t = rs.getTimestamp(column);
            if (t == null) {
                return false;
            }
            value = TimeEncoding.epochMillis(t.toLocalDateTime());
            return true;
        }
    }

    /** TIMESTAMP WITH TIME ZONE: the instant. */
    private static final class InstantReader extends TimeReader {
        private boolean legacy;
        private boolean decided;

        @Override
        boolean read(ResultSet rs, int column) throws SQLException {
            if (!legacy) {
                OffsetDateTime t;
                try {
                    t = rs.getObject(column, OffsetDateTime.class);
                } catch (SQLException e) {
                    if (decided) {
                        throw e;
                    }
                    legacy = true;
                    return read(rs, column);
                }
                decided = true;
                if (t == null) {
                    return false;
                }
                value = t.toInstant().toEpochMilli();
                return true;
            }
            Timestamp t = rs.getTimestamp(column);
            if (t == null) {
                return false;
            }
            value = t.getTime();
            return true;
        }
    }
}
