package org.forecastsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Versions, the FORECAST_MODELS table, DROP_MODEL and persistence across reopening. */
class CatalogLifecycleTest extends DriverTestSupport {

    @Test
    void retrainingWritesTheNextVersionAndOldVersionsStayReadable() throws Exception {
        createWeeklySales(1, 60);
        exec("SELECT * FROM TABLE(TRAIN_MODEL('demand', 'sales', 'series=store_id,sku; methods=naive'))");
        exec("UPDATE sales SET units = units + 100 WHERE day = DATE '2024-02-29'");
        List<Map<String, Object>> v2 = query("SELECT * FROM TABLE(TRAIN_MODEL('DEMAND', 'sales', 'series=store_id,sku; methods=naive'))");
        v2.forEach(r -> assertEquals(2, r.get("MODEL_VERSION")));
        List<Map<String, Object>> models = query("SELECT * FROM FORECAST_MODELS ORDER BY version");
        assertEquals(2, models.size());
        assertEquals(false, models.get(0).get("IS_LATEST"));
        assertEquals(true, models.get(1).get("IS_LATEST"));
        assertTrue(!models.get(0).get("INPUT_FINGERPRINT").equals(models.get(1).get("INPUT_FINGERPRINT")),
                "changed data must change the fingerprint");
        double latest = num(query("SELECT forecast FROM TABLE(FORECAST('demand', 1)) WHERE sku = 'SKU-1'").get(0).get("FORECAST"));
        double first = num(query("SELECT forecast FROM TABLE(FORECAST(model => 'demand', horizon => 1, version => 1)) WHERE sku = 'SKU-1'")
                .get(0).get("FORECAST"));
        assertEquals(100, latest - first, 1e-9);
        assertEquals(2, query("SELECT * FROM TABLE(FORECAST('demand', 1))").get(0).get("MODEL_VERSION"));
    }

    @Test
    void aVersionOfANewerDriverDoesNotHideTheOthers() throws Exception {
        createWeeklySales(1, 40);
        exec("SELECT * FROM TABLE(TRAIN_MODEL('a', 'sales', 'series=store_id,sku; methods=naive'))",
                "SELECT * FROM TABLE(TRAIN_MODEL('b', 'sales', 'series=store_id,sku; methods=mean'))");
        conn.close();
        // as a newer driver would store it: a layout format this one does not know
        try (Connection raw = DriverManager.getConnection("jdbc:h2:" + dir.resolve("shop"), "sa", "");
             java.sql.PreparedStatement ps = raw.prepareStatement("UPDATE FORECAST_CATALOG.MODELS SET LAYOUT = ? "
                     + "WHERE NAME_KEY = 'B'")) {
            ps.setBytes(1, new byte[] {0, 0, 0, 99});
            assertEquals(1, ps.executeUpdate());
        }
        conn = DriverManager.getConnection(url());
        List<Map<String, Object>> models = query("SELECT name, backend FROM FORECAST_MODELS ORDER BY name");
        assertEquals(2, models.size());
        assertEquals("cpu-java", models.get(0).get("BACKEND"));
        assertTrue(String.valueOf(models.get(1).get("BACKEND")).contains("upgrade the driver"), models.toString());
        SQLException e = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(FORECAST('b', 5))"));
        assertEquals("58030", e.getSQLState(), e.getMessage());
        assertTrue(query("SELECT * FROM TABLE(FORECAST('a', 5))").size() >= 5, "model a still forecasts");
    }

    @Test
    void reopeningTheDatabaseFindsEveryModel() throws Exception {
        createWeeklySales(1, 40);
        exec("SELECT * FROM TABLE(TRAIN_MODEL('a', 'sales', 'series=store_id,sku'))",
                "SELECT * FROM TABLE(TRAIN_MODEL('b', 'sales', 'series=store_id,sku; methods=mean'))");
        List<Map<String, Object>> forecast = query("SELECT * FROM TABLE(FORECAST('b', 5))");
        conn.close();
        try (Connection again = DriverManager.getConnection(url())) {
            conn = again;
            assertEquals(List.of("A", "B"), query("SELECT name FROM FORECAST_MODELS ORDER BY name").stream()
                    .map(r -> ((String) r.get("NAME")).toUpperCase(java.util.Locale.ROOT)).toList());
            assertEquals(forecast, query("SELECT * FROM TABLE(FORECAST('b', 5))"));
        }
        conn = DriverManager.getConnection(url());
    }

    @Test
    void dropModelRemovesEveryVersion() throws Exception {
        createWeeklySales(1, 40);
        exec("SELECT * FROM TABLE(TRAIN_MODEL('gone', 'sales', 'series=store_id,sku'))",
                "SELECT * FROM TABLE(TRAIN_MODEL('gone', 'sales', 'series=store_id,sku'))",
                "SELECT * FROM TABLE(TRAIN_MODEL('kept', 'sales', 'series=store_id,sku'))");
        Map<String, Object> r = query("SELECT * FROM TABLE(DROP_MODEL('gone'))").get(0);
        assertEquals(2, r.get("VERSIONS_DROPPED"));
        SQLException e = assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(FORECAST('gone', 3))"));
        assertEquals("42704", e.getSQLState());
        assertEquals(1, query("SELECT * FROM FORECAST_MODELS").size());
        assertEquals("42704", assertThrows(SQLException.class, () -> query("SELECT * FROM TABLE(DROP_MODEL('gone'))")).getSQLState());
    }

    @Test
    void modelsLiveInTheirOwnSchemaOutOfTheUsersWay() throws Exception {
        createWeeklySales(1, 40);
        exec("SELECT * FROM TABLE(TRAIN_MODEL('a', 'sales', 'series=store_id,sku'))");
        List<String> tables = new java.util.ArrayList<>();
        try (var rs = conn.getMetaData().getTables(null, "PUBLIC", "%", null)) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertEquals(List.of("SALES"), tables);
        assertEquals(1L, query("SELECT COUNT(*) AS c FROM FORECAST_CATALOG.MODELS").get(0).get("C"));
    }
}
