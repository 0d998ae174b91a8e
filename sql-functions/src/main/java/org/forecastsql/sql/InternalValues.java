package org.forecastsql.sql;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.ZoneOffset;

/**
 * JDBC values to Calcite's internal row representation: DATE as Integer days since the epoch,
 * TIMESTAMP as Long milliseconds (wall clock read as UTC), exact numerics as BigDecimal,
 * INTEGER as Integer, BIGINT as Long, floating types as Double.
 */
final class InternalValues {
    private InternalValues() {
    }

    static Object of(Object v, int jdbcType) {
        if (v == null) {
            return null;
        }
        switch (jdbcType) {
            case Types.DATE:
                return v instanceof java.sql.Date d ? (int) d.toLocalDate().toEpochDay() : v;
            case Types.TIMESTAMP:
                return v instanceof java.sql.Timestamp t ? t.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli() : v;
            case Types.INTEGER:
            case Types.SMALLINT:
            case Types.TINYINT:
                return v instanceof Number n ? n.intValue() : v;
            case Types.BIGINT:
                return v instanceof Number n ? n.longValue() : v;
            case Types.DECIMAL:
            case Types.NUMERIC:
                return v instanceof BigDecimal ? v : v instanceof Number n ? new BigDecimal(n.toString()) : v;
            case Types.DOUBLE:
            case Types.FLOAT:
            case Types.REAL:
                return v instanceof Number n ? n.doubleValue() : v;
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.LONGVARCHAR:
                return v.toString();
            default:
                return v;
        }
    }

    /** An encoded time (epoch day, epoch millis or integer period) as the time column's internal value. */
    static Object time(long encoded, int jdbcType) {
        return switch (jdbcType) {
            case Types.DATE, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> (int) encoded;
            case Types.DECIMAL, Types.NUMERIC -> BigDecimal.valueOf(encoded);
            default -> encoded;
        };
    }

    /** A double result as SQL: NaN and infinities become NULL. */
    static Double number(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
