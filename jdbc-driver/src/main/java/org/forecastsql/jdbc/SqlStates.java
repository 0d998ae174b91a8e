package org.forecastsql.jdbc;

import java.sql.SQLException;
import org.forecastsql.sql.ErrorCode;
import org.forecastsql.sql.FunctionException;

/**
 * SQLStates of ForecastSQL's errors (the README's error table), and the translation of failures
 * from Calcite and the table functions into {@link SQLException}s that carry them.
 */
final class SqlStates {
    static final String BAD_CONNECTION_URL = "08001";

    private SqlStates() {
    }

    static String of(ErrorCode code) {
        return switch (code) {
            case UNKNOWN_MODEL -> "42704";
            case UNKNOWN_TABLE -> "42S02";
            case UNKNOWN_COLUMN, NO_TIME_COLUMN -> "42S22";
            case NON_NUMERIC_COLUMN, BAD_TIME_COLUMN -> "42804";
            case AMBIGUOUS_TARGET -> "42702";
            case BAD_OPTION, BAD_ARGUMENT -> "22023";
            case HORIZON_OUT_OF_RANGE -> "22003";
            case EMPTY_INPUT -> "22000";
            case SERIES_TOO_SHORT -> "22F01";
            case MISSING_FUTURE_VALUES -> "22F02";
            case CATALOG_FAILURE -> "58030";
            case INTERNAL -> "XX000";
        };
    }

    /**
     * The exception to give the user: our {@link FunctionException} (found anywhere in the cause
     * chain) with its SQLState and message; otherwise the original exception.
     */
    static SQLException translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FunctionException f) {
                return new SQLException(f.getMessage(), of(f.code()), e);
            }
        }
        if (e instanceof SQLException s) {
            return s;
        }
        return new SQLException(e.getMessage() == null ? e.toString() : e.getMessage(), "XX000", e);
    }
}
