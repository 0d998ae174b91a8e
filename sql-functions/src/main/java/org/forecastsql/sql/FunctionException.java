package org.forecastsql.sql;

/**
 * The one exception type of the SQL-functions layer. Unchecked because Calcite's table interfaces
 * cannot throw checked exceptions; the driver finds it in the cause chain and turns it into an
 * {@link java.sql.SQLException} with the SQLState of its {@link #code()}.
 */
public final class FunctionException extends RuntimeException {
    private final ErrorCode code;

    public FunctionException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public FunctionException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
