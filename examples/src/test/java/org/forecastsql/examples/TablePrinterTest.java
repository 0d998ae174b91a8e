package org.forecastsql.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablePrinterTest {

    @TempDir
    Path dir;

    @Test
    void alignsNumbersRightTextLeftAndCutsLongResults() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("t"));
             Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE t (sku VARCHAR(10), units INT, price DECIMAL(10,2), mase DOUBLE)");
            st.executeUpdate("INSERT INTO t VALUES ('SKU001', 5, 12.99, 0.8123), ('SKU010', 120, 3.49, NULL),"
                    + " ('SKU100', 7, 1.09, 1.5)");
            try (ResultSet rs = st.executeQuery("SELECT * FROM t ORDER BY sku")) {
                TablePrinter.Table table = TablePrinter.read(rs, 2);
                assertEquals(3, table.totalRows());
                assertEquals(String.join("\n",
                        "  SKU     UNITS  PRICE  MASE",
                        "  --------------------------",
                        "  SKU001      5  12.99  0.81",
                        "  SKU010    120   3.49     -",
                        "  (1 more row)", ""), render(table));
            }
        }
    }

    @Test
    void formatsValuesForReading() {
        assertEquals("-", TablePrinter.format(null));
        assertEquals("-", TablePrinter.format(Double.NaN));
        assertEquals("0.33", TablePrinter.format(1.0 / 3));
        assertEquals("12.99", TablePrinter.format(new BigDecimal("12.99")));
        assertEquals("0.12", TablePrinter.format(new BigDecimal("0.12345")));
        assertEquals("42", TablePrinter.format(42));
        TablePrinter.Table table = TablePrinter.of(List.of("METHOD", "SERIES"), List.<Object[]>of(new Object[] {"snaive", 3}));
        assertEquals("  METHOD  SERIES\n  --------------\n  snaive       3\n", render(table));
    }

    private static String render(TablePrinter.Table table) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            TablePrinter.print(out, table, "  ");
        }
        return buffer.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
