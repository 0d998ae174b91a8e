package org.forecastsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection as a BI tool or a loading job uses it: DDL, DML, batches, CSV, metadata, transactions. */
class ConnectionTest extends DriverTestSupport {

    @Test
    void fileUrlCreatesTheDatabaseAndMemUrlWorks() throws Exception {
        assertTrue(Files.exists(dir.resolve("shop.mv.db")));
        try (Connection mem = DriverManager.getConnection("jdbc:forecast:mem:scratch");
             var st = mem.createStatement()) {
            st.execute("CREATE TABLE t(day DATE, value INT)");
            st.execute("INSERT INTO t VALUES (DATE '2024-01-01', 1), (DATE '2024-01-02', 2), (DATE '2024-01-03', 3)");
            try (ResultSet rs = st.executeQuery("SELECT * FROM TABLE(TRAIN_MODEL('m', 't', 'methods=naive'))")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void preparedBatchesCsvLoadingAndPlainQueries() throws Exception {
        exec("CREATE TABLE sales(sku VARCHAR(10), day DATE, units INT)");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO sales VALUES (?, ?, ?)")) {
            for (int d = 1; d <= 20; d++) {
                ps.setString(1, "A");
                ps.setDate(2, java.sql.Date.valueOf(java.time.LocalDate.of(2024, 1, d)));
                ps.setInt(3, d);
                ps.addBatch();
            }
            assertEquals(20, ps.executeBatch().length);
        }
        Path csv = dir.resolve("more.csv");
        Files.writeString(csv, "SKU,DAY,UNITS\nB,2024-01-01,5\nB,2024-01-02,6\nB,2024-01-03,7\n");
        exec("INSERT INTO sales SELECT * FROM CSVREAD('" + csv + "')");
        assertEquals(23L, query("SELECT COUNT(*) AS c FROM sales").get(0).get("C"));
        try (PreparedStatement ps = conn.prepareStatement("SELECT SUM(units) AS s FROM sales WHERE sku = ?")) {
            ps.setString(1, "B");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(18, rs.getInt(1));
            }
        }
        assertEquals(1, conn.createStatement().executeUpdate("DELETE FROM sales WHERE sku = 'B' AND units = 7"));
        exec("CREATE VIEW a_sales AS SELECT day, units FROM sales WHERE sku = 'A'");
        // a view created after the connection opened is visible to TRAIN_MODEL
        List<Map<String, Object>> r = query("SELECT * FROM TABLE(TRAIN_MODEL('a', 'a_sales', 'methods=drift'))");
        assertEquals(20, r.get(0).get("N_OBS"));
    }

    @Test
    void trainingSeesTheTransactionsOwnUncommittedRows() throws Exception {
        exec("CREATE TABLE t(day DATE, y INT)");
        conn.setAutoCommit(false);
        exec("INSERT INTO t SELECT DATEADD(DAY, x, DATE '2024-01-01'), x FROM SYSTEM_RANGE(0, 9) t(x)");
        assertEquals(10, query("SELECT * FROM TABLE(TRAIN_MODEL('tx', 't', 'methods=naive'))").get(0).get("N_OBS"));
        conn.rollback();
        conn.setAutoCommit(true);
        assertEquals(0L, query("SELECT COUNT(*) AS c FROM t").get(0).get("C"));
        // the model was saved by the catalogue's own transaction: rolling back the user's work does not remove it
        assertEquals(1, query("SELECT * FROM FORECAST_MODELS").size());
    }

    @Test
    void metadataAnswersWhatBiToolsAsk() throws Exception {
        exec("CREATE TABLE inventory(store_id INT, sku VARCHAR(20), on_hand INT)");
        DatabaseMetaData md = conn.getMetaData();
        assertEquals(url(), md.getURL());
        assertEquals("ForecastSQL JDBC driver", md.getDriverName());
        assertTrue(md.getConnection() == conn);
        try (ResultSet rs = md.getColumns(null, "PUBLIC", "INVENTORY", null)) {
            List<String> cols = new java.util.ArrayList<>();
            while (rs.next()) {
                cols.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME"));
            }
            assertEquals(List.of("STORE_ID:INTEGER", "SKU:CHARACTER VARYING", "ON_HAND:INTEGER"), cols);
        }
    }
}
