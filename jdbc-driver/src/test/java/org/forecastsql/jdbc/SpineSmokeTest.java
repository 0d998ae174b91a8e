package org.forecastsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpineSmokeTest {
    @TempDir
    Path dir;

    @Test
    void trainForecastEvaluate() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:forecast:file:" + dir.resolve("shop"));
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE sales(store_id VARCHAR(10), sku VARCHAR(10), day DATE, units INT)");
            st.execute("INSERT INTO sales SELECT 'S' || (x % 2), 'K1', DATEADD(DAY, x / 2, DATE '2024-01-01'), 10 + MOD(x / 2, 7) FROM SYSTEM_RANGE(0, 199) t(x)");
            try (ResultSet rs = st.executeQuery("SELECT * FROM TABLE(TRAIN_MODEL(model => 'demand', input => CURSOR(SELECT store_id, sku, day, units FROM sales), options => 'series=store_id,sku; time=day; target=units; horizon=14'))")) {
                print(rs);
            }
            System.out.println("CLOSED? " + c.isClosed());
            try (ResultSet rs = st.executeQuery("SELECT * FROM TABLE(FORECAST('demand', 3))")) {
                print(rs);
            }
            System.out.println("CLOSED? " + c.isClosed());
            try (ResultSet rs = st.executeQuery("SELECT * FROM TABLE(EVALUATE('demand'))")) {
                print(rs);
            }
            System.out.println("CLOSED? " + c.isClosed());
            try (ResultSet rs = st.executeQuery("SELECT * FROM FORECAST_MODELS")) {
                print(rs);
            }
            System.out.println("CLOSED? " + c.isClosed());
        }
    }

    static void print(ResultSet rs) throws Exception {
        ResultSetMetaData md = rs.getMetaData();
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            sb.append(md.getColumnLabel(i)).append(':').append(md.getColumnTypeName(i)).append(' ');
        }
        System.out.println(sb);
        while (rs.next()) {
            sb.setLength(0);
            for (int i = 1; i <= md.getColumnCount(); i++) {
                sb.append(rs.getObject(i)).append(" | ");
            }
            System.out.println(sb);
        }
    }
}
