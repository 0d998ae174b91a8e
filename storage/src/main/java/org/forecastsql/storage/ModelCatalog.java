package org.forecastsql.storage;

import static org.forecastsql.storage.CatalogSchema.MODELS;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The model catalogue: versioned models kept in schema {@code FORECAST_CATALOG} of an H2 database
 * (DESIGN §3), on connections of its own, independent of the user's connection and its transaction.
 *
 * <p><b>Names</b> are case-insensitive: {@code Demand} and {@code DEMAND} are the same model (compared
 * upper-cased with {@link Locale#ROOT}); each version keeps the spelling it was saved with.
 *
 * <p><b>Transactions.</b> {@link #save} writes a whole version (header, series, backtest) in one
 * transaction, so readers see version n until n+1 commits, and a process killed mid-save leaves
 * version n intact (H2 rolls the open transaction back on the next open). After each commit the
 * catalogue issues {@code CHECKPOINT} so that a committed version survives a killed process (H2
 * otherwise writes commits up to {@code WRITE_DELAY} later); that needs admin rights, without which
 * it is skipped with a warning. Two saves of one name are serialised by the primary key of the
 * version row: the second waits for the first to commit or roll back, then takes the next number.
 *
 * <p>Thread-safe: every operation uses a connection of its own; one more connection is held open for
 * the catalogue's lifetime so that a named in-memory database lives as long as the catalogue.
 */
public final class ModelCatalog implements AutoCloseable {

    /** How long a save waits for a concurrent save of the same name before giving up. */
    static final Duration SAVE_WAIT = Duration.ofMinutes(10);
    private static final int BATCH = 1000;
    private static final int LOCK_TIMEOUT_MS = 1000;

    private final String url;
    private final String user;
    private final String password;
    private final Connection anchor;
    private final CatalogDurability durability = new CatalogDurability();
    private volatile Runnable claimRetryListener = () -> { };

    private ModelCatalog(String url, String user, String password, Connection anchor) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.anchor = anchor;
    }

    /** The H2 schema holding the catalogue's tables. */
    public static final String SCHEMA = CatalogSchema.SCHEMA;

    /**
     * Opens the catalogue of the H2 database at {@code h2JdbcUrl}, creating schema
     * {@code FORECAST_CATALOG} and its tables when missing (idempotent; concurrent openers are safe).
     *
     * @throws StorageException {@link StorageException.Code#CATALOG_FAILURE} when the database cannot be
     *         opened or the schema cannot be created
     */
    public static ModelCatalog open(String h2JdbcUrl, String user, String password) throws StorageException {
        Objects.requireNonNull(h2JdbcUrl, "h2JdbcUrl");
        if (h2JdbcUrl.regionMatches(true, 0, "jdbc:h2:mem:", 0, 12)
                && (h2JdbcUrl.length() == 12 || h2JdbcUrl.charAt(12) == ';')) {
            throw new StorageException(StorageException.Code.CATALOG_FAILURE, "cannot keep a catalogue in '"
                    + h2JdbcUrl + "': an unnamed in-memory database is private to one connection; accepted: "
                    + "a file database or a named one (jdbc:h2:mem:<name>)");
        }
        Connection anchor = null;
        try {
            anchor = DriverManager.getConnection(h2JdbcUrl, user, password);
            CatalogSchema.ensure(anchor);
            return new ModelCatalog(h2JdbcUrl, user, password, anchor);
        } catch (SQLException e) {
            closeQuietly(anchor, e);
            throw failure("cannot open the model catalogue in '" + h2JdbcUrl + "'", e);
        }
    }

    /**
     * Saves a new version of model {@code name}: the highest stored version plus one (1 when new), in
     * one transaction, and returns its number. {@code series} is consumed once, in batches, so it may
     * produce records lazily; its records need unique {@code seriesIndex} values. If the iterator throws,
     * nothing is stored and the exception propagates.
     *
     * @throws StorageException {@link StorageException.Code#CATALOG_FAILURE} when the write fails, e.g. two
     *         records share a series index, or a concurrent save of the name holds it for longer than
     *         {@link #SAVE_WAIT}
     */
    public int save(String name, String options, String fingerprint, String methods, byte[] layout,
            Iterator<SeriesRecord> series, List<BacktestRecord> backtest) throws StorageException {
        return save(name, options, fingerprint, methods, layout, new byte[0], series, backtest);
    }

    /**
     * {@link #save(String, String, String, String, byte[], Iterator, List)} with the state every series
     * of the version shares (global models; empty for none), stored apart from the version row so that
     * listing versions never reads it ({@link #shared}).
     */
    public int save(String name, String options, String fingerprint, String methods, byte[] layout, byte[] shared,
            Iterator<SeriesRecord> series, List<BacktestRecord> backtest) throws StorageException {
        String key = nameKey(name);
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(backtest, "backtest");
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                int version = CatalogWriter.claimVersion(c, key, name, options, fingerprint, methods, layout,
                        LOCK_TIMEOUT_MS, SAVE_WAIT, claimRetryListener);
                int count = CatalogWriter.insertSeries(c, key, version, series, BATCH);
                CatalogWriter.insertBacktest(c, key, version, backtest, BATCH);
                CatalogWriter.setSeriesCount(c, key, version, count);
                CatalogWriter.insertShared(c, key, version, shared);
                c.commit();
                durability.checkpoint(c);
                return version;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot save model '" + name + "'", e);
        }
    }

    /** The state shared by every series of a version, empty when it has none (or the version does not exist). */
    public byte[] shared(String name, int version) throws StorageException {
        try (Connection c = connect(); java.sql.PreparedStatement ps = c.prepareStatement("SELECT STATE FROM "
                + CatalogSchema.SHARED + " WHERE NAME_KEY = ? AND VERSION = ?")) {
            ps.setString(1, nameKey(name));
            ps.setInt(2, version);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : new byte[0];
            }
        } catch (SQLException e) {
            if (CatalogSchema.isMissingTable(e)) {
                return new byte[0]; // a catalogue of an older driver: its versions hold their shared state inline
            }
            throw failure("cannot read the shared state of model '" + name + "' version " + version, e);
        }
    }

    /** The highest version of {@code name}, if the model exists. */
    public Optional<ModelVersion> latest(String name) throws StorageException {
        List<ModelVersion> found = queryVersions("SELECT * FROM " + MODELS + " WHERE NAME_KEY = ? "
                + "ORDER BY VERSION DESC LIMIT 1", nameKey(name));
        return found.stream().findFirst();
    }

    /** One version of {@code name}, if it exists. */
    public Optional<ModelVersion> version(String name, int version) throws StorageException {
        List<ModelVersion> found = queryVersions("SELECT * FROM " + MODELS + " WHERE NAME_KEY = ? AND VERSION = ?",
                nameKey(name), version);
        return found.stream().findFirst();
    }

    /**
     * The highest version of {@code name}.
     *
     * @throws StorageException {@link StorageException.Code#UNKNOWN_MODEL} naming the stored models
     */
    public ModelVersion require(String name) throws StorageException {
        Optional<ModelVersion> found = latest(name);
        if (found.isEmpty()) {
            throw unknownModel(name);
        }
        return found.get();
    }

    /**
     * One version of {@code name}.
     *
     * @throws StorageException {@link StorageException.Code#UNKNOWN_MODEL} naming the stored models or
     *         the model's versions
     */
    public ModelVersion require(String name, int version) throws StorageException {
        Optional<ModelVersion> found = version(name, version);
        if (found.isPresent()) {
            return found.get();
        }
        List<ModelVersion> versions = queryVersions("SELECT * FROM " + MODELS + " WHERE NAME_KEY = ? ORDER BY VERSION",
                nameKey(name));
        if (versions.isEmpty()) {
            throw unknownModel(name);
        }
        throw new StorageException(StorageException.Code.UNKNOWN_MODEL, "model '" + name + "' has no version "
                + version + "; versions: " + versions.stream().map(v -> String.valueOf(v.version()))
                        .collect(Collectors.joining(", ")));
    }

    /** The latest version of every model, sorted by name (case-insensitively). */
    public List<ModelVersion> list() throws StorageException {
        return queryVersions("SELECT * FROM " + MODELS + " m WHERE VERSION = "
                + "(SELECT MAX(VERSION) FROM " + MODELS + " x WHERE x.NAME_KEY = m.NAME_KEY) ORDER BY NAME_KEY");
    }

    /** Every version of every model, sorted by name then version. */
    public List<ModelVersion> listAll() throws StorageException {
        return queryVersions("SELECT * FROM " + MODELS + " ORDER BY NAME_KEY, VERSION");
    }

    /** The names of all models (as their latest version spells them), sorted case-insensitively. */
    public List<String> names() throws StorageException {
        return list().stream().map(ModelVersion::name).collect(Collectors.toList());
    }

    /**
     * The series records of one version, ordered by {@code seriesIndex}.
     *
     * @throws StorageException {@link StorageException.Code#UNKNOWN_MODEL} when the version does not exist
     */
    public List<SeriesRecord> series(String name, int version) throws StorageException {
        List<SeriesRecord> out = new ArrayList<>();
        forEachSeries(name, version, out::add);
        return out;
    }

    /**
     * Streams the series records of one version to {@code consumer}, ordered by {@code seriesIndex}, on
     * one read-consistent query. An exception thrown by the consumer stops the scan and propagates.
     *
     * @throws StorageException {@link StorageException.Code#UNKNOWN_MODEL} when the version does not exist
     */
    public void forEachSeries(String name, int version, Consumer<SeriesRecord> consumer) throws StorageException {
        Objects.requireNonNull(consumer, "consumer");
        require(name, version);
        try (Connection c = connect()) {
            CatalogReader.series(c, nameKey(name), version, consumer);
        } catch (SQLException e) {
            throw failure("cannot read the series of model '" + name + "' version " + version, e);
        }
    }

    /**
     * The backtest rows of one version, in the order they were saved.
     *
     * @throws StorageException {@link StorageException.Code#UNKNOWN_MODEL} when the version does not exist
     */
    public List<BacktestRecord> backtest(String name, int version) throws StorageException {
        require(name, version);
        try (Connection c = connect()) {
            return CatalogReader.backtest(c, nameKey(name), version);
        } catch (SQLException e) {
            throw failure("cannot read the backtest of model '" + name + "' version " + version, e);
        }
    }

    /**
     * Drops every committed version of {@code name} in one transaction. A save of the same name that is
     * in progress is not affected: it commits its version afterwards (numbered as it was claimed).
     *
     * @return whether the model existed
     * @throws StorageException {@link StorageException.Code#CATALOG_FAILURE} when the delete fails
     */
    public boolean drop(String name) throws StorageException {
        String key = nameKey(name);
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + MODELS + " WHERE NAME_KEY = ?")) {
                ps.setString(1, key);
                int deleted = ps.executeUpdate();
                c.commit();
                durability.checkpoint(c);
                return deleted > 0;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot drop model '" + name + "'", e);
        }
    }

    /** Closes the catalogue's own connection; the user's connections are not affected. */
    @Override
    public void close() throws StorageException {
        try {
            anchor.close();
        } catch (SQLException e) {
            throw failure("cannot close the model catalogue", e);
        }
    }

    private StorageException unknownModel(String name) throws StorageException {
        List<String> names = names();
        return new StorageException(StorageException.Code.UNKNOWN_MODEL, "unknown model '" + name + "'; models: "
                + (names.isEmpty() ? "(none)" : String.join(", ", names)));
    }

    private List<ModelVersion> queryVersions(String sql, Object... params) throws StorageException {
        try (Connection c = connect()) {
            return CatalogReader.versions(c, sql, params);
        } catch (SQLException e) {
            throw failure("cannot read the model catalogue", e);
        }
    }

    private Connection connect() throws SQLException {
        if (anchor.isClosed()) {
            throw new SQLException("the model catalogue is closed");
        }
        return DriverManager.getConnection(url, user, password);
    }

    /** Lets tests observe a save waiting for a concurrent save of the same name. */
    void onClaimRetry(Runnable listener) {
        claimRetryListener = Objects.requireNonNull(listener);
    }

    static String nameKey(String name) {
        Objects.requireNonNull(name, "model name");
        if (name.isBlank() || name.length() > CatalogSchema.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("model name '" + name + "' must be 1 to "
                    + CatalogSchema.MAX_NAME_LENGTH + " characters and not blank");
        }
        return name.toUpperCase(Locale.ROOT);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }

    private static StorageException failure(String what, SQLException e) {
        return new StorageException(StorageException.Code.CATALOG_FAILURE, what + ": " + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c, Throwable cause) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
