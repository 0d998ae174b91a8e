package org.forecastsql.sql;

/**
 * What went wrong in a table function; the JDBC layer maps each code to a stable SQLState
 * (README "Errors").
 */
public enum ErrorCode {
    UNKNOWN_MODEL,
    UNKNOWN_TABLE,
    UNKNOWN_COLUMN,
    NON_NUMERIC_COLUMN,
    BAD_TIME_COLUMN,
    NO_TIME_COLUMN,
    AMBIGUOUS_TARGET,
    BAD_OPTION,
    BAD_ARGUMENT,
    HORIZON_OUT_OF_RANGE,
    EMPTY_INPUT,
    SERIES_TOO_SHORT,
    MISSING_FUTURE_VALUES,
    CATALOG_FAILURE,
    CANCELLED,
    TIMED_OUT,
    INTERNAL
}
