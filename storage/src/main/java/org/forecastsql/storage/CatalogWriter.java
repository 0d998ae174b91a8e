package org.forecastsql.storage;

import static org.forecastsql.storage.CatalogSchema.BACKTEST;
import static org.forecastsql.storage.CatalogSchema.MODELS;
import static org.forecastsql.storage.CatalogSchema.SERIES;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/** The statements of one {@link ModelCatalog#save}, all on the caller's open transaction. */
final class CatalogWriter {

    private static final int LOCK_TIMEOUT = 50200;
    private static final int DUPLICATE_KEY = 23505;
    private static final int DEADLOCK = 40001;

    private CatalogWriter() {
    }

    /**
     * Inserts the version row for max+1 and returns that number. The row's primary key is the lock that
     * serialises saves of one name: while another transaction holds an uncommitted row with the same key,
     * H2 makes this insert wait (up to the session's lock timeout); when the other save commits, the key
     * is taken (duplicate key). Either way this transaction rolls back and reads max again, until
     * {@code patience} is spent.
     */
    static int claimVersion(Connection c, String key, String name, String options, String fingerprint,
            String methods, byte[] layout, int lockTimeoutMs, Duration patience, Runnable onRetry) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCK_TIMEOUT " + lockTimeoutMs);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        try (PreparedStatement max = c.prepareStatement("SELECT COALESCE(MAX(VERSION), 0) FROM " + MODELS
                + " WHERE NAME_KEY = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + MODELS + " (NAME_KEY, VERSION, NAME, "
                        + "CREATED, OPTIONS, INPUT_FINGERPRINT, SERIES_COUNT, METHODS, LAYOUT) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
            while (true) {
                max.setString(1, key);
                int version;
                try (ResultSet rs = max.executeQuery()) {
                    rs.next();
                    version = Math.addExact(rs.getInt(1), 1);
                }
                insert.setString(1, key);
                insert.setInt(2, version);
                insert.setString(3, name);
                insert.setObject(4, ModelCatalog.now());
                insert.setString(5, options);
                insert.setString(6, fingerprint);
                insert.setString(7, methods);
                if (layout == null) {
                    insert.setNull(8, Types.BLOB);
                } else {
                    insert.setBytes(8, layout);
                }
                try {
                    insert.executeUpdate();
                    return version;
                } catch (SQLException e) {
                    int code = e.getErrorCode();
                    if (code != LOCK_TIMEOUT && code != DUPLICATE_KEY && code != DEADLOCK) {
                        throw e;
                    }
                    c.rollback();
                    onRetry.run();
                    if (System.nanoTime() > deadline) {
                        throw new SQLException("model '" + name + "' is being saved by another session; gave up after "
                                + patience.toSeconds() + " s", e.getSQLState(), e.getErrorCode(), e);
                    }
                }
            }
        }
    }

    /** Batch-inserts the series records, returns how many there were. */
    static int insertSeries(Connection c, String key, int version, Iterator<SeriesRecord> series, int batch)
            throws SQLException {
        int count = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SERIES + " (NAME_KEY, VERSION, SERIES_INDEX, "
                + "KEY_TEXT, METHOD, N_OBS, STATUS, MASE, SMAPE, STATE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setInt(2, version);
            int pending = 0;
            while (series.hasNext()) {
                SeriesRecord r = Objects.requireNonNull(series.next(), "series record");
                ps.setInt(3, r.seriesIndex());
                ps.setString(4, r.keyText());
                ps.setString(5, r.method());
                ps.setInt(6, r.nObs());
                ps.setString(7, r.status());
                setDouble(ps, 8, r.mase());
                setDouble(ps, 9, r.smape());
                if (r.state() == null) {
                    ps.setNull(10, Types.VARBINARY);
                } else {
                    ps.setBytes(10, r.state());
                }
                ps.addBatch();
                count++;
                if (++pending == batch) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return count;
    }

    static void insertBacktest(Connection c, String key, int version, List<BacktestRecord> rows, int batch)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + BACKTEST + " (NAME_KEY, VERSION, ROW_NO, "
                + "SERIES_INDEX, METHOD, N, MAE, RMSE, MAPE, SMAPE, MASE, WAPE, BIAS, COVERAGE_80, COVERAGE_95) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setInt(2, version);
            int pending = 0;
            int rowNo = 0;
            for (BacktestRecord r : rows) {
                Objects.requireNonNull(r, "backtest record");
                ps.setInt(3, rowNo++);
                ps.setInt(4, r.seriesIndex());
                ps.setString(5, r.method());
                ps.setLong(6, r.n());
                setDouble(ps, 7, r.mae());
                setDouble(ps, 8, r.rmse());
                setDouble(ps, 9, r.mape());
                setDouble(ps, 10, r.smape());
                setDouble(ps, 11, r.mase());
                setDouble(ps, 12, r.wape());
                setDouble(ps, 13, r.bias());
                setDouble(ps, 14, r.coverage80());
                setDouble(ps, 15, r.coverage95());
                ps.addBatch();
                if (++pending == batch) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    static void setSeriesCount(Connection c, String key, int version, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + MODELS + " SET SERIES_COUNT = ? "
                + "WHERE NAME_KEY = ? AND VERSION = ?")) {
            ps.setInt(1, count);
            ps.setString(2, key);
            ps.setInt(3, version);
            ps.executeUpdate();
        }
    }

    /** NaN is stored as NULL (SQL has no NaN that every tool reads back). */
    private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    /** Stores the version's shared state (nothing when it is empty). */
    static void insertShared(Connection c, String key, int version, byte[] shared) throws SQLException {
        if (shared.length == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + CatalogSchema.SHARED
                + " (NAME_KEY, VERSION, STATE) VALUES (?, ?, ?)")) {
            ps.setString(1, key);
            ps.setInt(2, version);
            ps.setBinaryStream(3, new java.io.ByteArrayInputStream(shared), shared.length);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (CatalogSchema.isMissingTable(e)) {
                throw new SQLException("this catalogue predates table " + CatalogSchema.SHARED + ", which models with "
                        + "global methods (regression, neural) need: an admin user opening the database once creates it", e);
            }
            throw e;
        }
    }
}
