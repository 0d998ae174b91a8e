package org.forecastsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A long TRAIN_MODEL obeys {@link Statement#setQueryTimeout} and {@link Statement#cancel}, as BI
 * tools use them: it stops between series with SQLState 57014 and stores nothing, and the model's
 * earlier version stays what it was.
 */
class CancelTest extends DriverTestSupport {
    /** 200 series of 400 days: ETS on all of them takes minutes on two cores. */
    private static final String SLOW = "SELECT * FROM TABLE(TRAIN_MODEL('m', 'big', 'series=id; methods=ets; horizon=14'))";

    @BeforeEach
    void data() throws Exception {
        exec("CREATE TABLE big AS SELECT s.x AS id, DATEADD(DAY, d.x, DATE '2024-01-01') AS day, "
                + "100 + 10 * SIN(d.x / 3.0 + s.x) + MOD(d.x * 7 + s.x * 13, 11) AS y "
                + "FROM SYSTEM_RANGE(1, 200) s, SYSTEM_RANGE(0, 399) d",
                "CREATE TABLE small AS SELECT * FROM big WHERE id <= 2");
        exec("SELECT * FROM TABLE(TRAIN_MODEL('m', 'small', 'series=id; methods=snaive'))");
    }

    @Test
    void aQueryTimeoutStopsTrainingAndKeepsTheEarlierVersion() throws Exception {
        long start = System.nanoTime();
        try (Statement st = conn.createStatement()) {
            // the timeout falls in the input scan (H2 stops it) or in training (between series): 57014 either way
            st.setQueryTimeout(2);
            SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(SLOW));
            assertInstanceOf(SQLTimeoutException.class, e, e.getSQLState() + " " + e.getMessage());
            assertEquals("57014", e.getSQLState(), e.getMessage());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "stopped soon after the timeout");
        assertVersionOneOnly();
    }

    @Test
    void aQueryTimeoutStopsANeuralNetworkBetweenEpochs() throws Exception {
        long start = System.nanoTime();
        try (Statement st = conn.createStatement()) {
            st.setQueryTimeout(3);
            SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(
                    "SELECT * FROM TABLE(TRAIN_MODEL('m', 'big', 'series=id; methods=neural; horizon=14; epochs=1000'))"));
            assertEquals("57014", e.getSQLState(), e.getMessage());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), "stopped within an epoch or two of the timeout");
        assertVersionOneOnly();
    }

    @Test
    void cancelFromAnotherThreadStopsTraining() throws Exception {
        try (Statement st = conn.createStatement()) {
            CompletableFuture<ResultSet> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return st.executeQuery(SLOW);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            // a cancel that lands before the statement starts has nothing to stop: cancel until it gives up
            SQLException e = null;
            while (e == null) {
                st.cancel();
                try {
                    run.get(200, TimeUnit.MILLISECONDS);
                    fail("TRAIN_MODEL finished although it was cancelled");
                } catch (TimeoutException stillRunning) {
                    // cancel again
                } catch (ExecutionException done) {
                    e = (SQLException) done.getCause();
                }
            }
            assertEquals("57014", e.getSQLState(), e.getMessage());
        }
        assertVersionOneOnly();
        // the connection stays usable
        assertEquals(2, query("SELECT * FROM TABLE(FORECAST('m', 3))").size() / 3);
    }

    private void assertVersionOneOnly() throws Exception {
        List<Map<String, Object>> versions = query("SELECT version, series_count FROM FORECAST_MODELS WHERE name = 'm'");
        assertEquals(1, versions.size(), versions.toString());
        assertEquals(2, ((Number) versions.get(0).get("SERIES_COUNT")).intValue());
    }
}
