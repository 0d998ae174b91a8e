package org.forecastsql.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
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
     * The key of a series as text, {@code NAME=value} pairs in key-column order joined by {@code ", "}
     * (e.g. {@code STORE_ID=1, SKU=A}; NULL as {@code NULL}; empty with no key columns).
     */
    public String keyText(int series) {
        Object[] key = seriesKeys.get(series);
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < key.length; j++) {
            if (j > 0) {
                sb.append(", ");
            }
            Object v = key[j];
            sb.append(keyColumns.get(j).name()).append('=').append(v == null ? "NULL"
                    : v instanceof byte[] ? HexFormat.of().formatHex((byte[]) v) : String.valueOf(v));
        }
        return sb.toString();
    }

    /**
     * A digest of the scanned input, {@code sha256:<hex>}: column names and types, then every row's key
     * tuple, time, target and covariates in input order (doubles by their bits). Equal inputs in equal
     * order give equal fingerprints; the catalogue stores it with a model version.
     */
    public String fingerprint() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        StringBuilder header = new StringBuilder();
        for (ColumnInfo c : keyColumns) {
            header.append(c.name()).append(':').append(c.typeName()).append(';');
        }
        header.append('|').append(timeColumn.name()).append(':').append(timeColumn.typeName())
                .append('|').append(targetColumn.name()).append(':').append(targetColumn.typeName()).append('|');
        for (ColumnInfo c : covariateColumns) {
            header.append(c.name()).append(':').append(c.typeName()).append(';');
        }
        sha.update(header.toString().getBytes(StandardCharsets.UTF_8));
        for (Object[] key : seriesKeys) {
            sha.update(Arrays.deepToString(key).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        int width = 2 + covariates.length;
        ByteBuffer buf = ByteBuffer.allocate(8192 * 8);
        for (int i = 0; i < rows; i++) {
            if (buf.remaining() < (width + 1) * 8) {
                sha.update(buf.flip());
                buf.clear();
            }
            buf.putInt(seriesId[i]).putLong(time[i]).putLong(Double.doubleToLongBits(target[i]));
            for (double[] c : covariates) {
                buf.putLong(Double.doubleToLongBits(c[i]));
            }
        }
        sha.update(buf.flip());
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
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
