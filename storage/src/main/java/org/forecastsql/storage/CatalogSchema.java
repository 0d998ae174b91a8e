package org.forecastsql.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The catalogue's tables in schema {@code FORECAST_CATALOG}. Model names are keyed upper-cased
 * ({@code NAME_KEY}, {@link java.util.Locale#ROOT}); {@code NAME} keeps the spelling of each save.
 * Series and backtest rows belong to a version and go with it ({@code ON DELETE CASCADE}).
 */
final class CatalogSchema {

    static final String SCHEMA = "FORECAST_CATALOG";
    static final String MODELS = SCHEMA + ".MODELS";
    static final String SERIES = SCHEMA + ".MODEL_SERIES";
    static final String BACKTEST = SCHEMA + ".MODEL_BACKTEST";
    /** The state all series of a version share (global models), apart so that listing versions never reads it. */
    static final String SHARED = SCHEMA + ".MODEL_SHARED";
    static final int MAX_NAME_LENGTH = 256;

    private static final String[] DDL = {
        "CREATE SCHEMA IF NOT EXISTS " + SCHEMA,
        "CREATE TABLE IF NOT EXISTS " + MODELS + " ("
            + "NAME_KEY VARCHAR(" + MAX_NAME_LENGTH + ") NOT NULL, "
            + "VERSION INTEGER NOT NULL, "
            + "NAME VARCHAR(" + MAX_NAME_LENGTH + ") NOT NULL, "
            + "CREATED TIMESTAMP(9) WITH TIME ZONE NOT NULL, "
            + "OPTIONS VARCHAR, "
            + "INPUT_FINGERPRINT VARCHAR, "
            + "SERIES_COUNT INTEGER NOT NULL, "
            + "METHODS VARCHAR, "
            + "LAYOUT BLOB, "
            + "PRIMARY KEY (NAME_KEY, VERSION))",
        "CREATE TABLE IF NOT EXISTS " + SERIES + " ("
            + "NAME_KEY VARCHAR(" + MAX_NAME_LENGTH + ") NOT NULL, "
            + "VERSION INTEGER NOT NULL, "
            + "SERIES_INDEX INTEGER NOT NULL, "
            + "KEY_TEXT VARCHAR, "
            + "METHOD VARCHAR, "
            + "N_OBS INTEGER NOT NULL, "
            + "STATUS VARCHAR, "
            + "MASE DOUBLE PRECISION, "
            + "SMAPE DOUBLE PRECISION, "
            + "STATE VARBINARY, "
            + "PRIMARY KEY (NAME_KEY, VERSION, SERIES_INDEX), "
            + "FOREIGN KEY (NAME_KEY, VERSION) REFERENCES " + MODELS + " (NAME_KEY, VERSION) ON DELETE CASCADE)",
        "CREATE TABLE IF NOT EXISTS " + BACKTEST + " ("
            + "NAME_KEY VARCHAR(" + MAX_NAME_LENGTH + ") NOT NULL, "
            + "VERSION INTEGER NOT NULL, "
            + "ROW_NO INTEGER NOT NULL, "
            + "SERIES_INDEX INTEGER NOT NULL, "
            + "METHOD VARCHAR, "
            + "N BIGINT NOT NULL, "
            + "MAE DOUBLE PRECISION, RMSE DOUBLE PRECISION, MAPE DOUBLE PRECISION, SMAPE DOUBLE PRECISION, "
            + "MASE DOUBLE PRECISION, WAPE DOUBLE PRECISION, BIAS DOUBLE PRECISION, "
            + "COVERAGE_80 DOUBLE PRECISION, COVERAGE_95 DOUBLE PRECISION, "
            + "PRIMARY KEY (NAME_KEY, VERSION, ROW_NO), "
            + "FOREIGN KEY (NAME_KEY, VERSION) REFERENCES " + MODELS + " (NAME_KEY, VERSION) ON DELETE CASCADE)",
        "CREATE TABLE IF NOT EXISTS " + SHARED + " ("
            + "NAME_KEY VARCHAR(" + MAX_NAME_LENGTH + ") NOT NULL, "
            + "VERSION INTEGER NOT NULL, "
            + "STATE BLOB NOT NULL, "
            + "PRIMARY KEY (NAME_KEY, VERSION), "
            + "FOREIGN KEY (NAME_KEY, VERSION) REFERENCES " + MODELS + " (NAME_KEY, VERSION) ON DELETE CASCADE)",
    };

    private static final int ATTEMPTS = 5;
    /** H2's "table not found" error codes (42S02 family). */
    static final int TABLE_NOT_FOUND = 42102;
    static final int TABLE_NOT_FOUND_IN_SCHEMA = 42104;

    static boolean isMissingTable(SQLException e) {
        return e.getErrorCode() == TABLE_NOT_FOUND || e.getErrorCode() == TABLE_NOT_FOUND_IN_SCHEMA;
    }

    private CatalogSchema() {
    }

    /**
     * Creates what is missing. Every statement is {@code IF NOT EXISTS}, so this is idempotent; a
     * statement that loses a race with another session creating the same object is retried. A user
     * without admin rights (who may not run DDL in H2) may still use a catalogue an admin created;
     * one created by an older driver may lack {@link #SHARED}: it reads, and saves of local models
     * work, until an admin opens it once.
     */
    static void ensure(Connection connection) throws SQLException {
        try {
            create(connection);
        } catch (SQLException e) {
            if (e.getErrorCode() != CatalogDurability.ADMIN_RIGHTS_REQUIRED) {
                throw e;
            }
            try (Statement st = connection.createStatement()) {
                for (String table : new String[] {MODELS, SERIES, BACKTEST}) {
                    st.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
                }
            } catch (SQLException missing) {
                e.addSuppressed(missing);
                throw e;
            }
        }
    }

    private static void create(Connection connection) throws SQLException {
        for (String ddl : DDL) {
            for (int attempt = 1; ; attempt++) {
                try (Statement st = connection.createStatement()) {
                    st.execute(ddl);
                    break;
                } catch (SQLException e) {
                    if (attempt >= ATTEMPTS || !isRace(e)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Already-exists (a concurrent creator won) or a lock held by a concurrent creator. */
    private static boolean isRace(SQLException e) {
        int code = e.getErrorCode();
        // H2 2.5 may also report a concurrent CREATE ... IF NOT EXISTS as a general error (50000)
        // "object already exists"
        boolean generalAlreadyExists = code == 50000 && e.getMessage() != null && e.getMessage().contains("already exists");
        return code == 90078 || code == 42101 || code == 50200 || code == 40001 || code == 90131 || generalAlreadyExists;
    }
}
