package org.forecastsql.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.TableFunctionImpl;
import org.forecastsql.storage.ModelCatalog;
import org.forecastsql.storage.StorageException;

/**
 * One user connection's world: the H2 connection holding the user's data, a Calcite connection
 * whose default schema is H2's current schema (every H2 schema is visible, pushed down through
 * Calcite's JDBC adapter on the same H2 connection), the table functions and system tables, and
 * the model catalogue.
 *
 * <p>Table functions find their session through {@link #current()}: the driver runs every Calcite
 * statement inside {@link #enter()}.
 */
public final class ForecastSession implements AutoCloseable {
    /** The H2 schema of the model catalogue. */
    public static final String CATALOG_SCHEMA = ModelCatalog.SCHEMA;
    /** H2 schemas that are not user data. */
    private static final List<String> HIDDEN_SCHEMAS = List.of("INFORMATION_SCHEMA", ModelCatalog.SCHEMA);
    private static final ThreadLocal<ForecastSession> CURRENT = new ThreadLocal<>();

    private final String h2Url;
    private final Properties credentials;
    private final Connection h2;
    private final CalciteConnection calcite;
    private ModelCatalog catalog;
    private volatile boolean schemaStale = true;
    /** Output columns of each model's FORECAST/EVALUATE as last validated: a prepared statement must still match. */
    private final java.util.Map<String, Object> validatedShapes = new java.util.concurrent.ConcurrentHashMap<>();

    private ForecastSession(String h2Url, Properties credentials, Connection h2, CalciteConnection calcite) {
        this.h2Url = h2Url;
        this.credentials = credentials;
        this.h2 = h2;
        this.calcite = calcite;
    }

    /** Opens the H2 database at {@code h2Url} (created if missing) and a Calcite connection over it. */
    public static ForecastSession open(String h2Url, Properties info) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", info.getProperty("user", "sa"));
        credentials.setProperty("password", info.getProperty("password", ""));
        Connection h2 = DriverManager.getConnection(h2Url, credentials);
        try {
            Properties cp = new Properties();
            // Calcite converts internal DATE/TIMESTAMP values in the JVM's zone, as H2 and the scans do:
            // the wall-clock value the user stored is the value they read back, in every zone.
            cp.setProperty("parserFactory", SqlParsing.FACTORY_PROPERTY);
            Connection c = new org.apache.calcite.jdbc.Driver().connect("jdbc:calcite:", cp);
            try {
                ForecastSession s = new ForecastSession(h2Url, credentials, h2, c.unwrap(CalciteConnection.class));
                s.installFunctions();
                return s;
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            h2.close();
            throw e;
        }
    }

    public Connection h2() {
        return h2;
    }

    /** The Calcite connection, its schemas refreshed if DDL ran since they were last read. */
    public CalciteConnection calcite() throws SQLException {
        if (schemaStale) {
            refreshSchemas();
        }
        return calcite;
    }

    /** Says that H2's schemas may have changed (DDL ran directly on H2). */
    public void markSchemaStale() {
        schemaStale = true;
    }

    /** Remembers the output shape a statement over {@code key} was validated with. */
    void validated(String key, Object shape) {
        validatedShapes.put(key.toUpperCase(java.util.Locale.ROOT), shape);
    }

    /**
     * Fails when a model was retrained with other columns (keys, levels) after a statement over it
     * was prepared: its rows would no longer fit the prepared columns.
     */
    void checkShape(String key, Object shape, String model, int version) {
        Object seen = validatedShapes.get(key.toUpperCase(java.util.Locale.ROOT));
        if (seen != null && !seen.equals(shape)) {
            throw new FunctionException(ErrorCode.BAD_ARGUMENT, "model '" + model + "' was retrained with other columns "
                    + "(now version " + version + ") since this statement was prepared; prepare it again");
        }
    }

    /** The session of the statement running on this thread. */
    static ForecastSession current() {
        ForecastSession s = CURRENT.get();
        if (s == null) {
            throw new FunctionException(ErrorCode.INTERNAL,
                    "ForecastSQL table functions run only through the jdbc:forecast: driver");
        }
        return s;
    }

    /** Makes this the current session of the calling thread until the returned scope is closed. */
    public Scope enter() {
        ForecastSession previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** A thread-local scope; closing it restores the previous session. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    synchronized ModelCatalog catalog() {
        if (catalog == null) {
            try {
                catalog = ModelCatalog.open(h2Url, credentials.getProperty("user"), credentials.getProperty("password"));
            } catch (StorageException e) {
                throw new FunctionException(ErrorCode.CATALOG_FAILURE, e.getMessage(), e);
            }
        }
        return catalog;
    }

    private void installFunctions() {
        SchemaPlus root = calcite.getRootSchema();
        root.add("TRAIN_MODEL", TableFunctionImpl.create(TableFunctions.class, "trainModel"));
        root.add("FORECAST", TableFunctionImpl.create(TableFunctions.class, "forecast"));
        root.add("EVALUATE", TableFunctionImpl.create(TableFunctions.class, "evaluate"));
        root.add("DROP_MODEL", TableFunctionImpl.create(TableFunctions.class, "dropModel"));
        root.add("FEATURE_IMPORTANCE", TableFunctionImpl.create(TableFunctions.class, "featureImportance"));
        root.add("FORECAST_MODELS", new ForecastModelsTable(this));
        root.add("FORECAST_INFO", new ForecastInfoTable());
    }

    private synchronized void refreshSchemas() throws SQLException {
        SchemaPlus root = calcite.getRootSchema();
        SharedConnectionDataSource ds = new SharedConnectionDataSource(h2);
        List<String> schemas = new ArrayList<>();
        try (ResultSet rs = h2.getMetaData().getSchemas()) {
            while (rs.next()) {
                schemas.add(rs.getString("TABLE_SCHEM"));
            }
        }
        for (String name : schemas) {
            if (!HIDDEN_SCHEMAS.contains(name)) {
                root.add(name, JdbcSchema.create(root, name, ds, null, name));
            }
        }
        String current = h2.getSchema();
        calcite.setSchema(current == null ? "PUBLIC" : current);
        schemaStale = false;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (AutoCloseable c : new AutoCloseable[] {calcite, catalog, h2}) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
