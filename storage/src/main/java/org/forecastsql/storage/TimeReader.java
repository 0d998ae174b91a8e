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
                return new TemporalReader<>(DATE);
            case Types.TIMESTAMP:
                return new TemporalReader<>(TIMESTAMP);
            default:
                return new TemporalReader<>(INSTANT);
        }
    }

    private static final class IntegerReader extends TimeReader {
        @Override
        boolean read(ResultSet rs, int column) throws SQLException {
            value = rs.getLong(column);
            return !rs.wasNull();
        }
    }

    /** How one temporal type is read: the JDBC 4.2 getter, the legacy getter, and each one's encoding. */
    private interface Getter<M, L> {
        M modern(ResultSet rs, int column) throws SQLException;

        long encodeModern(M value);

        L legacy(ResultSet rs, int column) throws SQLException;

        long encodeLegacy(L value);
    }

    /**
     * A temporal column: the java.time getter until its first read fails (then the legacy getter for
     * good); a failure after a successful read is a real error and is thrown.
     */
    private static final class TemporalReader<M, L> extends TimeReader {
        private final Getter<M, L> getter;
        private boolean legacy;
        private boolean decided;

        TemporalReader(Getter<M, L> getter) {
            this.getter = getter;
        }

        @Override
        boolean read(ResultSet rs, int column) throws SQLException {
            if (!legacy) {
                M m;
                try {
                    m = getter.modern(rs, column);
                } catch (SQLException e) {
                    if (decided) {
                        throw e;
                    }
                    legacy = true;
                    return read(rs, column);
                }
                decided = true;
                if (m == null) {
                    return false;
                }
                value = getter.encodeModern(m);
                return true;
            }
            L l = getter.legacy(rs, column);
            if (l == null) {
                return false;
            }
            value = getter.encodeLegacy(l);
            return true;
        }
    }

    private static final Getter<LocalDate, Date> DATE = new Getter<>() {
        public LocalDate modern(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, LocalDate.class);
        }

        public long encodeModern(LocalDate d) {
            return d.toEpochDay();
        }

        public Date legacy(ResultSet rs, int column) throws SQLException {
            return rs.getDate(column);
        }

        public long encodeLegacy(Date d) {
            return d.toLocalDate().toEpochDay();
        }
    };

    private static final Getter<LocalDateTime, Timestamp> TIMESTAMP = new Getter<>() {
        public LocalDateTime modern(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, LocalDateTime.class);
        }

        public long encodeModern(LocalDateTime t) {
            return TimeEncoding.epochMillis(t);
        }

        public Timestamp legacy(ResultSet rs, int column) throws SQLException {
            return rs.getTimestamp(column);
        }

        public long encodeLegacy(Timestamp t) {
            return TimeEncoding.epochMillis(t.toLocalDateTime());
        }
    };

    /** TIMESTAMP WITH TIME ZONE: the instant. */
    private static final Getter<OffsetDateTime, Timestamp> INSTANT = new Getter<>() {
        public OffsetDateTime modern(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, OffsetDateTime.class);
        }

        public long encodeModern(OffsetDateTime t) {
            return t.toInstant().toEpochMilli();
        }

        public Timestamp legacy(ResultSet rs, int column) throws SQLException {
            return rs.getTimestamp(column);
        }

        public long encodeLegacy(Timestamp t) {
            return t.getTime();
        }
    };
}
