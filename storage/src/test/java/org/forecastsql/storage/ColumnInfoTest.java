package org.forecastsql.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column classification against the metadata H2 2.5.252 really reports. */
class ColumnInfoTest {

    @TempDir
    Path dir;

    @Test
    void classifiesEveryH2TypeAUserMightHand() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + dir.resolve("types"), "sa", "");
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE T (A TINYINT, B SMALLINT, C INTEGER, D BIGINT, E REAL, F DOUBLE PRECISION, "
                    + "G DECIMAL(10, 2), H NUMERIC(20), I DECFLOAT, J DATE, K TIMESTAMP, L TIMESTAMP WITH TIME ZONE, "
                    + "M TIME, N VARCHAR(5), O BOOLEAN, P VARBINARY(3), Q FLOAT)");
            try (ResultSet rs = st.executeQuery("SELECT A, B AS ALIAS_B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q FROM T")) {
                List<ColumnInfo> cols = ColumnInfo.describe(rs.getMetaData());
                assertEquals("A, ALIAS_B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q",
                        cols.stream().map(ColumnInfo::name).collect(Collectors.joining(", ")));
                String numeric = cols.stream().filter(ColumnInfo::isNumeric).map(ColumnInfo::name)
                        .collect(Collectors.joining(""));
                String integer = cols.stream().filter(ColumnInfo::isInteger).map(ColumnInfo::name)
                        .collect(Collectors.joining(""));
                String temporal = cols.stream().filter(ColumnInfo::isTemporal).map(ColumnInfo::name)
                        .collect(Collectors.joining(""));
                assertEquals("AALIAS_BCDEFGHIQ", numeric);
                assertEquals("AALIAS_BCD", integer);
                assertEquals("JKL", temporal);
                assertEquals("DECIMAL", cols.get(6).typeName());
                assertEquals(10, cols.get(6).precision());
                assertEquals(2, cols.get(6).scale());
                assertEquals("DECIMAL(10, 2)", cols.get(6).displayType());
                assertEquals("CHARACTER VARYING", cols.get(13).typeName());
                assertEquals("TIMESTAMP WITH TIME ZONE", cols.get(11).typeName());
            }
        }
    }
}
