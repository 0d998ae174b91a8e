package org.forecastsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every documented error (README "Errors"): its SQLState and a message naming the bad thing and
 * what is accepted; afterwards the connection works and the stored model is unchanged.
 */
class ErrorsTest extends DriverTestSupport {
    private List<Map<String, Object>> before;

    @BeforeEach
    void model() throws Exception {
        createWeeklySales(1, 60);
        exec("CREATE TABLE labels(day DATE, label VARCHAR(10))", "INSERT INTO labels VALUES (DATE '2024-01-01', 'x')");
        exec("CREATE TABLE empty_sales(day DATE, units INT)");
        exec("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; methods=snaive'))");
        before = query("SELECT * FROM TABLE(FORECAST('demand', 7))");
    }

    private void fails(String sql, String sqlState, String... messageParts) throws Exception {
        SQLException e = assertThrows(SQLException.class, () -> query(sql));
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' lacks '" + part + "'");
        }
        // the connection still works and the model is as it was
        assertEquals(before, query("SELECT * FROM TABLE(FORECAST('demand', 7))"));
        assertEquals(1, query("SELECT * FROM FORECAST_MODELS").size());
    }

    @Test
    void unknownModel() throws Exception {
        fails("SELECT * FROM TABLE(FORECAST('demnd', 7))", "42704", "unknown model 'demnd'", "models: demand");
        fails("SELECT * FROM TABLE(EVALUATE('nope'))", "42704", "unknown model 'nope'");
        fails("SELECT * FROM TABLE(FORECAST(model => 'demand', version => 9))", "42704", "has no version 9");
    }

    @Test
    void unknownTableOrColumn() throws Exception {
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'salez', 'series=store_id'))", "42S02", "unknown table 'SALEZ'", "sales");
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store'))", "42S22",
                "unknown series column 'store'", "columns: store_id, sku, day, units");
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; target=untis'))", "42S22", "'untis'");
    }

    @Test
    void nonNumericTarget() throws Exception {
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'labels', 'target=label'))", "42804",
                "target column 'LABEL' has type", "numeric");
    }

    @Test
    void badOptionKeyOrValue() throws Exception {
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; horizn=7'))", "22023",
                "unknown option 'horizn'", "valid options: series, time, target");
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; fill=mean'))", "22023",
                "fill", "zero, previous, linear, null");
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; methods=prophet'))", "22023",
                "methods", "naive, snaive");
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; levels=80,120'))", "22023", "levels");
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; freq=fortnightly'))", "22023", "freq");
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; arima_search=slow'))", "22023",
                "arima_search", "fast", "exact");
    }

    @Test
    void horizonOutOfRange() throws Exception {
        fails("SELECT * FROM TABLE(FORECAST('demand', 0))", "22003", "horizon 0 is out of range", "1 to 10000");
        fails("SELECT * FROM TABLE(FORECAST('demand', -3))", "22003", "horizon -3");
        fails("SELECT * FROM TABLE(FORECAST('demand', 1000000))", "22003", "horizon 1000000");
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; horizon=0'))", "22003", "horizon 0");
    }

    @Test
    void emptyInput() throws Exception {
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'empty_sales', ''))", "22000", "no rows");
    }

    @Test
    void noTimeColumn() throws Exception {
        exec("CREATE TABLE no_time(k INT, units INT)", "INSERT INTO no_time VALUES (1, 2)");
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'no_time', 'target=units'))", "42S22", "no time column");
    }

    @Test
    void seriesShorterThanItsSeason() throws Exception {
        fails("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; season=365'))", "22F01",
                "season=365", "longest series has 60 rows");
    }

    @Test
    void modelNameMustBeALiteral() throws Exception {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (var ps = conn.prepareStatement("SELECT * FROM TABLE(FORECAST(?, 7))")) {
                ps.setString(1, "demand");
                ps.executeQuery();
            }
        });
        assertEquals("22023", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("FORECAST's MODEL must be a literal, not a ? parameter"), e.getMessage());
    }

    @Test
    void badUrl() {
        SQLException e = assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection("jdbc:forecast:tcp://x"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("jdbc:forecast:file:<path>"));
    }
}
