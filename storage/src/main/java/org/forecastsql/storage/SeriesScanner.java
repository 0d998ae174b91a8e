package org.forecastsql.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Scans a result set once into columnar primitive arrays ({@link ScannedColumns}): series codes,
 * encoded times, the target and covariates as doubles.
 *
 * <p>Values are read with primitive getters ({@code getDouble} + {@code wasNull}, {@code getLong});
 * DATE and TIMESTAMP through {@code getObject(i, LocalDate.class / LocalDateTime.class)}, which involves
 * no time zone, or the legacy getters where a driver lacks those ({@link TimeReader}). The arrays grow
 * geometrically and are trimmed once at the end. Key tuples are dictionary-encoded by {@link KeyDictionary}.
 * Works on any driver's result set (H2's directly, or Calcite's over H2).
 */
public final class SeriesScanner {

    private static final int INITIAL_CAPACITY = 1024;

    private SeriesScanner() {
    }

    /**
     * Reads every row of {@code rs} (from its current position to the end; the result set is not closed).
     *
     * @throws StorageException {@link StorageException.Code#UNKNOWN_COLUMN} when a named column is
     *         missing or ambiguous; {@link StorageException.Code#BAD_TIME_COLUMN} when the time column has
     *         another type than DATE, TIMESTAMP, TIMESTAMP WITH TIME ZONE or an integer type;
     *         {@link StorageException.Code#NON_NUMERIC_COLUMN} for a non-numeric target or covariate;
     *         {@link StorageException.Code#EMPTY_INPUT} when no row has a non-NULL time
     * @throws SQLException when the driver fails while reading
     */
    public static ScannedColumns scan(ResultSet rs, ScanSpec spec) throws StorageException, SQLException {
        List<ColumnInfo> columns = ColumnInfo.describe(rs.getMetaData());
        int[] keyIdx = resolveAll(columns, spec.keyColumns());
        int timeIdx = resolve(columns, spec.timeColumn());
        int targetIdx = resolve(columns, spec.targetColumn());
        int[] covIdx = resolveAll(columns, spec.covariateColumns());

        ColumnInfo timeInfo = columns.get(timeIdx - 1);
        TimeEncoding encoding = TimeEncoding.of(timeInfo);
        ColumnInfo targetInfo = numeric(columns.get(targetIdx - 1), "target");
        List<ColumnInfo> covInfo = new ArrayList<>(covIdx.length);
        for (int c : covIdx) {
            covInfo.add(numeric(columns.get(c - 1), "covariate"));
        }
        List<ColumnInfo> keyInfo = new ArrayList<>(keyIdx.length);
        for (int k : keyIdx) {
            keyInfo.add(columns.get(k - 1));
        }

        KeyDictionary dictionary = KeyDictionary.create(keyIdx, columns);
        TimeReader timeReader = TimeReader.of(timeInfo, encoding);
        int nCov = covIdx.length;
        int capacity = INITIAL_CAPACITY;
        int[] seriesId = new int[capacity];
        long[] time = new long[capacity];
        double[] target = new double[capacity];
        double[][] cov = new double[nCov][capacity];
        int n = 0;
        int nullTime = 0;
        while (rs.next()) {
            if (!timeReader.read(rs, timeIdx)) {
                nullTime++;
                continue;
            }
            long t = timeReader.value;
            if (n == capacity) {
                capacity = grow(capacity);
                seriesId = Arrays.copyOf(seriesId, capacity);
                time = Arrays.copyOf(time, capacity);
                target = Arrays.copyOf(target, capacity);
                for (int c = 0; c < nCov; c++) {
                    cov[c] = Arrays.copyOf(cov[c], capacity);
                }
            }
            seriesId[n] = dictionary.code(rs);
            time[n] = t;
            double y = rs.getDouble(targetIdx);
            target[n] = rs.wasNull() ? Double.NaN : y;
            for (int c = 0; c < nCov; c++) {
                double x = rs.getDouble(covIdx[c]);
                cov[c][n] = rs.wasNull() ? Double.NaN : x;
            }
            n++;
        }
        if (n == 0) {
            throw new StorageException(StorageException.Code.EMPTY_INPUT, nullTime == 0
                    ? "input has no rows; at least one row with a non-NULL " + timeInfo.name() + " is needed"
                    : "input has no rows with a non-NULL time: all " + nullTime + " rows have NULL "
                            + timeInfo.name());
        }
        if (n < capacity) {
            seriesId = Arrays.copyOf(seriesId, n);
            time = Arrays.copyOf(time, n);
            target = Arrays.copyOf(target, n);
            for (int c = 0; c < nCov; c++) {
                cov[c] = Arrays.copyOf(cov[c], n);
            }
        }
        return new ScannedColumns(keyInfo, timeInfo, encoding, targetInfo, covInfo, n, seriesId,
                dictionary.keys(), time, target, cov, nullTime);
    }

    private static int grow(int capacity) {
        long bigger = (long) capacity + (capacity >> 1) + INITIAL_CAPACITY;
        if (bigger > Integer.MAX_VALUE - 16) {
            if (capacity >= Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("input has more than " + capacity + " rows");
            }
            bigger = Integer.MAX_VALUE - 16;
        }
        return (int) bigger;
    }

    private static ColumnInfo numeric(ColumnInfo column, String role) throws StorageException {
        if (!column.isNumeric()) {
            throw new StorageException(StorageException.Code.NON_NUMERIC_COLUMN,
                    role + " column '" + column.name() + "' has type " + column.displayType()
                            + "; accepted: numeric types (TINYINT, SMALLINT, INTEGER, BIGINT, REAL, "
                            + "DOUBLE PRECISION, DECIMAL, NUMERIC, DECFLOAT)");
        }
        return column;
    }

    private static int[] resolveAll(List<ColumnInfo> columns, List<String> names) throws StorageException {
        int[] idx = new int[names.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = resolve(columns, names.get(i));
        }
        return idx;
    }

    /** The 1-based index of the column called {@code name}: the exact-case match, else the only case-insensitive one. */
    static int resolve(List<ColumnInfo> columns, String name) throws StorageException {
        int exact = 0;
        int exactCount = 0;
        int folded = 0;
        int foldedCount = 0;
        String upper = name.toUpperCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            String label = columns.get(i).name();
            if (label.equals(name)) {
                exact = i + 1;
                exactCount++;
            }
            if (label.toUpperCase(Locale.ROOT).equals(upper)) {
                folded = i + 1;
                foldedCount++;
            }
        }
        if (exactCount == 1) {
            return exact;
        }
        if (exactCount == 0 && foldedCount == 1) {
            return folded;
        }
        String available = columns.stream().map(ColumnInfo::name).collect(Collectors.joining(", "));
        if (exactCount + foldedCount == 0) {
            throw new StorageException(StorageException.Code.UNKNOWN_COLUMN,
                    "unknown column '" + name + "'; columns: " + available);
        }
        throw new StorageException(StorageException.Code.UNKNOWN_COLUMN,
                "ambiguous column '" + name + "': " + Math.max(exactCount, foldedCount)
                        + " input columns have that name; give them distinct aliases; columns: " + available);
    }
}
