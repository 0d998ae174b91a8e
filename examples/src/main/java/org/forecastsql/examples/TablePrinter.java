package org.forecastsql.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plain console table: a header, aligned columns (numbers right, text left), fractional numbers
 * with two decimals, NULL and NaN shown as {@code -}, and an "(n more rows)" line when cut.
 */
final class TablePrinter {

    /** Rows as display strings, with the count of rows read past the display limit. */
    record Table(List<String> header, List<String[]> rows, boolean[] numeric, int omitted) {

        /** Number of rows in the result, shown or not. */
        int totalRows() {
            return rows.size() + omitted;
        }
    }

    private TablePrinter() {
    }

    /** Reads all remaining rows of {@code rs}, keeping at most {@code maxRows} for display. */
    static Table read(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> header = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            header.add(md.getColumnLabel(i).toUpperCase(Locale.ROOT));
        }
        boolean[] numeric = new boolean[n];
        List<String[]> rows = new ArrayList<>();
        int omitted = 0;
        while (rs.next()) {
            if (rows.size() >= maxRows) {
                omitted++;
                continue;
            }
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                Object value = rs.getObject(i + 1);
                numeric[i] |= value instanceof Number;
                row[i] = format(value);
            }
            rows.add(row);
        }
        return new Table(header, rows, numeric, omitted);
    }

    /** A table from values computed in Java; {@code numeric} marks right-aligned columns. */
    static Table of(List<String> header, List<Object[]> values) {
        boolean[] numeric = new boolean[header.size()];
        List<String[]> rows = new ArrayList<>(values.size());
        for (Object[] value : values) {
            String[] row = new String[header.size()];
            for (int i = 0; i < row.length; i++) {
                numeric[i] |= value[i] instanceof Number;
                row[i] = format(value[i]);
            }
            rows.add(row);
        }
        return new Table(header, rows, numeric, 0);
    }

    /** Prints {@code table} with each line indented by {@code indent}. */
    static void print(PrintStream out, Table table, String indent) {
        int n = table.header().size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = table.header().get(i).length();
        }
        for (String[] row : table.rows()) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        out.println(indent + line(table.header().toArray(String[]::new), width, table.numeric()));
        char[] rule = new char[Arrays.stream(width).sum() + 2 * (n - 1)];
        Arrays.fill(rule, '-');
        out.println(indent + new String(rule));
        for (String[] row : table.rows()) {
            out.println(indent + line(row, width, table.numeric()));
        }
        if (table.omitted() > 0) {
            out.println(indent + "(" + table.omitted() + (table.omitted() == 1 ? " more row)" : " more rows)"));
        }
    }

    private static String line(String[] cells, int[] width, boolean[] numeric) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(width[i] - cells[i].length());
            sb.append(numeric[i] ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
        }
        return sb.toString();
    }

    /** Display text of one value. */
    static String format(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.2f", d) : "-";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.scale() > 2 ? String.format(Locale.ROOT, "%.2f", decimal) : decimal.toPlainString();
        }
        return value.toString();
    }
}
