package org.forecastsql.jdbc;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.forecastsql.sql.ForecastSession;

/**
 * Calcite's result sets as the driver hands them out: every call runs inside the session's scope
 * (table functions may compute rows while the result is read), failures become SQLExceptions
 * with SQLStates, {@code getStatement()} answers the driver's statement, and
 * {@code getObject(i, LocalDate.class / LocalDateTime.class)}, which Calcite's cursor lacks, works.
 */
final class CalciteResults {
    private CalciteResults() {
    }

    static ResultSet wrap(ResultSet rs, ForecastSession session, Statement statement) {
        if (rs == null) {
            return null;
        }
        return Delegation.proxy(ResultSet.class, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getStatement":
                    return statement;
                case "unwrap":
                case "isWrapperFor":
                    return Delegation.wrapperMethod(proxy, rs, method, args);
                case "getObject":
                    if (args.length == 2 && args[1] instanceof Class<?> type && args[0] instanceof Integer column) {
                        return javaTime(rs, column, type, session, method, args);
                    }
                    break;
                default:
                    break;
            }
            try (ForecastSession.Scope scope = session.enter()) {
                return Delegation.invokeTranslated(rs, method, args);
            }
        });
    }

    private static Object javaTime(ResultSet rs, int column, Class<?> type, ForecastSession session, Method method,
                                   Object[] args) throws java.sql.SQLException {
        try (ForecastSession.Scope scope = session.enter()) {
            if (type == LocalDate.class) {
                java.sql.Date d = rs.getDate(column);
                return d == null ? null : d.toLocalDate();
            }
            if (type == LocalDateTime.class) {
                java.sql.Timestamp t = rs.getTimestamp(column);
                return t == null ? null : t.toLocalDateTime();
            }
            return Delegation.invokeTranslated(rs, method, args);
        }
    }
}
