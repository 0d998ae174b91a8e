package org.forecastsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What BI tools and careless callers do with a connection, and what must never happen to the data. */
class JdbcContractTest extends DriverTestSupport {

    @BeforeEach
    void model() throws Exception {
        createWeeklySales(1, 40);
        exec("SELECT * FROM TABLE(TRAIN_MODEL('m', 'sales', 'series=store_id,sku; methods=naive; horizon=7'))");
    }

    private long count(String table) throws SQLException {
        return (Long) query("SELECT COUNT(*) AS c FROM " + table).get(0).get("C");
    }

    @Test
    void argumentsNeverRunStatementsOtherThanQueries() throws Exception {
        long before = count("sales");
        for (String sql : new String[] {"SELECT * FROM TABLE(EVALUATE(model => 'm', actuals => ?))",
            "SELECT * FROM TABLE(FORECAST(model => 'm', future => ?))"}) {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setString(1, "DELETE FROM sales");
                SQLException e = assertThrows(SQLException.class, ps::executeQuery);
                assertEquals("22023", e.getSQLState(), e.getMessage());
            }
        }
        assertEquals(before, count("sales"));
    }

    @Test
    void resultLoopsOfBiToolsEndAfterInsertSelect() throws Exception {
        exec("CREATE TABLE snap(store_id INT, sku VARCHAR(20), day DATE, forecast DOUBLE)");
        try (Statement st = conn.createStatement()) {
            assertFalse(st.execute("INSERT INTO snap SELECT store_id, sku, day, forecast FROM TABLE(FORECAST('m', 3))"));
            assertEquals(6, st.getUpdateCount());
            int loops = 0;
            while (!st.getMoreResults() && st.getUpdateCount() != -1) {
                assertTrue(++loops < 3, "getMoreResults must end the results");
            }
        }
    }

    @Test
    void failedInsertSelectInsideATransactionLeavesNothing() throws Exception {
        exec("CREATE TABLE snap(sku VARCHAR(20) CHECK (sku <> 'SKU-2'), forecast DOUBLE)");
        conn.setAutoCommit(false);
        exec("INSERT INTO snap VALUES ('mine', 1)");
        assertThrows(SQLException.class,
                () -> conn.createStatement().executeUpdate("INSERT INTO snap SELECT sku, forecast FROM TABLE(FORECAST('m', 7))"));
        assertEquals(1L, count("snap"), "the transaction's own earlier row stays; none of the failed insert's");
        conn.commit();
        conn.setAutoCommit(true);
    }

    @Test
    void maxRowsAppliesToForecastQueries() throws Exception {
        try (Statement st = conn.createStatement()) {
            st.setMaxRows(3);
            try (ResultSet rs = st.executeQuery("SELECT * FROM TABLE(FORECAST('m', 7))")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(3, n);
            }
        }
    }

    @Test
    void outputShapingArgumentsMustBeLiterals() throws Exception {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM TABLE(TRAIN_MODEL('p', 'sales', ?))")) {
            fail22023(ps);
        } catch (SQLException e) {
            assertEquals("22023", e.getSQLState());
            assertTrue(e.getMessage().contains("TRAIN_MODEL's OPTIONS must be a literal"), e.getMessage());
        }
    }

    private static void fail22023(PreparedStatement ps) throws SQLException {
        ps.setString(1, "series=sku");
        ps.executeQuery();
    }

    @Test
    void aPreparedForecastNoticesAModelRetrainedWithOtherColumns() throws Exception {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM TABLE(FORECAST('m', 2))")) {
            exec("SELECT * FROM TABLE(TRAIN_MODEL('m', 'SELECT day, SUM(units) AS units FROM sales GROUP BY day', "
                    + "'methods=naive; levels=50,80,95'))");
            SQLException e = assertThrows(SQLException.class, ps::executeQuery);
            assertTrue(e.getMessage().contains("retrained with other columns"), e.getMessage());
        }
        assertEquals(2, query("SELECT * FROM TABLE(FORECAST('m', 2))").size());
    }

    @Test
    void theCatalogueIsChangedOnlyByItsFunctions() throws Exception {
        SQLException e = assertThrows(SQLException.class, () -> exec("DELETE FROM FORECAST_CATALOG.MODEL_SERIES"));
        assertEquals("42501", e.getSQLState());
        assertEquals(14, query("SELECT * FROM TABLE(FORECAST('m', 7))").size());
    }

    @Test
    void javaTimeGettersAndSqlStatesOfValidationErrors() throws Exception {
        try (ResultSet rs = conn.createStatement().executeQuery("SELECT day FROM TABLE(FORECAST('m', 1)) ORDER BY day")) {
            assertTrue(rs.next());
            assertEquals(LocalDate.of(2024, 2, 10), rs.getObject(1, LocalDate.class));
            assertTrue(rs.getStatement() != null);
        }
        assertEquals("42S22", assertThrows(SQLException.class, () -> query("SELECT foo FROM TABLE(FORECAST('m', 1))")).getSQLState());
        SQLException e = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(FORECAST(modl => 'm'))"));
        assertEquals("42883", e.getSQLState());
        assertTrue(e.getMessage().contains("FORECAST(MODEL, HORIZON, FUTURE, VERSION)"), e.getMessage());
    }
}
