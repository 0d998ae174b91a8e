package org.forecastsql.storage;

import java.util.List;
import java.util.Objects;

/**
 * Which columns of an input to scan, by name (matched case-insensitively against the result set's
 * column labels; an exact-case match wins when several columns differ only in case).
 *
 * @param keyColumns       the series key columns; empty for a single series
 * @param timeColumn       the time column (DATE, TIMESTAMP, TIMESTAMP WITH TIME ZONE or integer)
 * @param targetColumn     the numeric column to forecast
 * @param covariateColumns further numeric columns, read as doubles
 */
public record ScanSpec(List<String> keyColumns, String timeColumn, String targetColumn, List<String> covariateColumns) {

    public ScanSpec {
        keyColumns = List.copyOf(keyColumns);
        Objects.requireNonNull(timeColumn, "timeColumn");
        Objects.requireNonNull(targetColumn, "targetColumn");
        covariateColumns = List.copyOf(covariateColumns);
    }
}
