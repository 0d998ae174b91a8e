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
            case CANCELLED, TIMED_OUT -> "57014";
            case INTERNAL -> "XX000";
        };
    }

    /**
     * A cancellation (SQLState 57014, ours or H2's while it scans the input) of a statement with a
     * query timeout is reported as {@link java.sql.SQLTimeoutException}, as JDBC asks; anything else
     * as it is.
     */
    static SQLException timedOut(SQLException e, java.sql.Statement statement) {
        if (e instanceof java.sql.SQLTimeoutException || !"57014".equals(e.getSQLState()) || statement == null) {
            return e;
        }
        try {
            if (statement.getQueryTimeout() <= 0) {
                return e;
            }
        } catch (SQLException closed) {
            return e;
        }
        return new java.sql.SQLTimeoutException(e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
    }

    /**
     * The exception to give the user: our {@link FunctionException} (found anywhere in the cause
     * chain) with its SQLState and message; otherwise the original exception.
     */
    static SQLException translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FunctionException f) {
                return f.code() == ErrorCode.TIMED_OUT ? new java.sql.SQLTimeoutException(f.getMessage(), of(f.code()), e)
                        : new SQLException(f.getMessage(), of(f.code()), e);
            }
        }
        String state = calciteState(e);
        if (e instanceof SQLException s && (s.getSQLState() != null || state == null)) {
            return s;
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (state != null && state.equals("42883")) {
            message += "; the functions are TRAIN_MODEL(MODEL, INPUT, OPTIONS), FORECAST(MODEL, HORIZON, FUTURE, VERSION), "
                    + "EVALUATE(MODEL, ACTUALS, VERSION), DROP_MODEL(MODEL) and FEATURE_IMPORTANCE(MODEL, VERSION)";
        }
        return new SQLException(message, state == null ? "XX000" : state, e);
    }

    /** SQLStates for Calcite's validation and evaluation errors, from the innermost cause's message. */
    private static String calciteState(Throwable e) {
        String msg = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NumberFormatException) {
                return "22018";
            }
            if (t.getMessage() != null) {
                msg = t.getMessage();
            }
        }
        if (msg == null) {
            return null;
        }
        if (msg.contains("Column '") && msg.contains("not found")) {
            return "42S22";
        }
        if (msg.contains("Object '") && msg.contains("not found")) {
            return "42S02";
        }
        if (msg.contains("No match found for function signature") || msg.contains("Cannot apply")) {
            return "42883";
        }
        if (msg.contains("error while evaluating") || msg.contains("Cannot assign")) {
            return "22018";
        }
        if (e.getClass().getName().startsWith("org.apache.calcite") || msg.contains("Encountered")) {
            return "42000";
        }
        return null;
    }
}
