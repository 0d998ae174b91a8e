package org.forecastsql.storage;

import java.util.Objects;

/**
 * The storage layer's one exception type. The {@link Code} is stable and is what the JDBC layer
 * maps to a SQLState; the message names the bad thing, the value received and what is accepted.
 */
public final class StorageException extends Exception {

    /** What went wrong, independent of the message text. */
    public enum Code {
        /** A column named in the scan spec is not among the input's columns (or is ambiguous). */
        UNKNOWN_COLUMN,
        /** The target or a covariate column is not numeric. */
        NON_NUMERIC_COLUMN,
        /** The time column is not DATE, TIMESTAMP, TIMESTAMP WITH TIME ZONE or an integer type. */
        BAD_TIME_COLUMN,
        /** The input has no rows (or none with a non-NULL time). */
        EMPTY_INPUT,
        /** No model of that name (or no such version) in the catalogue. */
        UNKNOWN_MODEL,
        /** The catalogue could not be opened, read or written. */
        CATALOG_FAILURE
    }

    private final Code code;

    public StorageException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public StorageException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code. */
    public Code code() {
        return code;
    }
}
