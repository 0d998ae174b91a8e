package org.forecastsql.storage;

import java.util.List;
import java.util.Objects;

/**
 * The result of a {@link SeriesScanner#scan scan}: the input's rows as columnar primitive arrays, in
 * input order. Row {@code i} belongs to series {@code seriesId[i]}, whose key tuple is
 * {@code seriesKeys.get(seriesId[i])} (values as {@code ResultSet.getObject} returned them; codes are
 * given in first-seen order; with no key columns there is one series whose tuple is empty).
 * {@code time[i]} is encoded as {@link #timeEncoding}; a NULL target or covariate is {@code NaN};
 * {@code covariates[c][i]} is covariate {@code c} of row {@code i}. Rows with a NULL time are not
 * included, only counted in {@code nullTimeRows}.
 *
 * <p>The arrays are owned by this record and exactly {@code rows} long; they are not copied, so callers
 * must treat them as read-only.
 */
public record ScannedColumns(List<ColumnInfo> keyColumns, ColumnInfo timeColumn, TimeEncoding timeEncoding,
        ColumnInfo targetColumn, List<ColumnInfo> covariateColumns, int rows, int[] seriesId,
        List<Object[]> seriesKeys, long[] time, double[] target, double[][] covariates, int nullTimeRows) {

    public ScannedColumns {
        keyColumns = List.copyOf(keyColumns);
        Objects.requireNonNull(timeColumn, "timeColumn");
        Objects.requireNonNull(timeEncoding, "timeEncoding");
        Objects.requireNonNull(targetColumn, "targetColumn");
        covariateColumns = List.copyOf(covariateColumns);
        seriesKeys = List.copyOf(seriesKeys);
        if (seriesId.length != rows || time.length != rows || target.length != rows) {
            throw new IllegalArgumentException("column arrays must be " + rows + " long");
        }
        if (covariates.length != covariateColumns.size()) {
            throw new IllegalArgumentException(covariates.length + " covariate arrays for "
                    + covariateColumns.size() + " covariate columns");
        }
        for (double[] c : covariates) {
            if (c.length != rows) {
                throw new IllegalArgumentException("covariate arrays must be " + rows + " long");
            }
        }
    }

    /** The number of distinct series (key tuples). */
    public int seriesCount() {
        return seriesKeys.size();
    }

    /**
     * Row indices grouped by series code and, within a series, ordered by time (ties keep input
     * order): rows of series {@code s} are {@code order[offsets[s]] .. order[offsets[s + 1] - 1]}.
     * Computed on each call (a counting sort by series, then a sort of each series' times).
     */
    public SeriesOrder seriesOrder() {
        return SeriesOrder.of(seriesId, seriesKeys.size(), time);
    }
}
