package org.forecastsql.sql;

import java.sql.SQLException;
import org.forecastsql.storage.StorageException;

/** Lower layers' failures as {@link FunctionException}s. */
final class Errors {
    private Errors() {
    }

    static FunctionException of(StorageException e) {
        ErrorCode code = switch (e.code()) {
            case UNKNOWN_COLUMN -> ErrorCode.UNKNOWN_COLUMN;
            case NON_NUMERIC_COLUMN -> ErrorCode.NON_NUMERIC_COLUMN;
            case BAD_TIME_COLUMN -> ErrorCode.BAD_TIME_COLUMN;
            case EMPTY_INPUT -> ErrorCode.EMPTY_INPUT;
            case UNKNOWN_MODEL -> ErrorCode.UNKNOWN_MODEL;
            default -> ErrorCode.CATALOG_FAILURE;
        };
        return new FunctionException(code, e.getMessage(), e);
    }

    /** A failure of a user-supplied query (INPUT, FUTURE, ACTUALS): keep our own errors, wrap the rest. */
    static FunctionException ofInputQuery(SQLException e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FunctionException f) {
                return f;
            }
        }
        String msg = rootMessage(e);
        ErrorCode code = msg.contains("not found") && msg.contains("Object") ? ErrorCode.UNKNOWN_TABLE
                : msg.contains("Column") && msg.contains("not found") ? ErrorCode.UNKNOWN_COLUMN : ErrorCode.BAD_ARGUMENT;
        return new FunctionException(code, what + " query failed: " + msg, e);
    }

    private static String rootMessage(Throwable e) {
        String msg = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                msg = t.getMessage();
            }
        }
        return msg == null ? e.toString() : msg;
    }
}
