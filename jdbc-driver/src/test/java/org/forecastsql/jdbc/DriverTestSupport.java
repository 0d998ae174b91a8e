package org.forecastsql.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real H2 database file in a temporary directory, opened through the real driver. */
abstract class DriverTestSupport {
    @TempDir
    Path dir;
    Connection conn;

    String url() {
        return "jdbc:forecast:file:" + dir.resolve("shop");
    }

    @BeforeEach
    void open() throws SQLException {
        conn = DriverManager.getConnection(url());
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    void exec(String... sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /** Rows as column-name (upper case) → value maps. */
    List<Map<String, Object>> query(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rows(rs);
        }
    }

    static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Map<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.put(md.getColumnLabel(i).toUpperCase(Locale.ROOT), rs.getObject(i));
            }
            out.add(row);
        }
        return out;
    }

    /** A daily table {@code sales(store_id, sku, day, units)}: per series a weekly pattern (level + weekday effect). */
    void createWeeklySales(int stores, int days) throws SQLException {
        exec("CREATE TABLE sales(store_id INT, sku VARCHAR(20), day DATE, units INT)",
                "INSERT INTO sales SELECT s.x, 'SKU-' || k.x, DATEADD(DAY, d.x, DATE '2024-01-01'), "
                        + "10 * s.x + k.x + CASE MOD(d.x, 7) WHEN 5 THEN 8 WHEN 6 THEN 12 ELSE MOD(d.x, 3) END "
                        + "FROM SYSTEM_RANGE(1, " + stores + ") s, SYSTEM_RANGE(1, 2) k, SYSTEM_RANGE(0, " + (days - 1) + ") d");
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
