package org.forecastsql.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.forecastsql.engine.calendar.Holiday;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.storage.ColumnInfo;

/**
 * The {@code holidays} option resolved into one calendar: a comma-separated list of built-in
 * calendars ({@code CN}, {@code US}) and holiday tables or views. A holiday table has a DATE column
 * (the day), a character column (the holiday's name: one feature per distinct name) and, optionally,
 * a column named like the series key column: a row with a key applies to that series only, a row
 * with NULL there to every series. The rows are copied into the model, so forecasting never reads
 * the table again.
 */
final class HolidayTables {
    private HolidayTables() {
    }

    /**
     * @param text       the option's text, null for none
     * @param window     days before and after each holiday that get their own feature
     * @param keyColumns the series key columns' names (series-bound rows need exactly one)
     * @param seriesIds  series id by the key's {@link #keyText text} (what series-bound rows are matched against)
     */
    static HolidayCalendar resolve(ForecastSession session, String text, int[] window, List<String> keyColumns,
                                   Map<String, Integer> seriesIds) {
        HolidayCalendar calendar = HolidayCalendar.none();
        if (text != null) {
            for (String item : text.split(",")) {
                String name = item.trim();
                String upper = name.toUpperCase(Locale.ROOT);
                calendar = calendar.plus(upper.equals("CN") || upper.equals("US") ? HolidayCalendar.builtIn(upper)
                        : HolidayCalendar.of(read(session, name, keyColumns, seriesIds)));
            }
        }
        return calendar.withWindows(window[0], window[1]);
    }

    private static List<Holiday> read(ForecastSession session, String table, List<String> keyColumns,
                                      Map<String, Integer> seriesIds) {
        String query = InputQuery.resolve(table, "holidays table", session.h2());
        List<Holiday> rows = new ArrayList<>();
        try (Statement st = session.calcite().createStatement(); ResultSet rs = st.executeQuery(query)) {
            List<ColumnInfo> cols = ColumnInfo.describe(rs.getMetaData());
            List<String> keyed = cols.stream().map(ColumnInfo::name)
                    .filter(c -> keyColumns.stream().anyMatch(k -> k.equalsIgnoreCase(c))).toList();
            if (!keyed.isEmpty() && keyColumns.size() != 1) {
                throw new FunctionException(ErrorCode.BAD_OPTION, "option holidays: table '" + table + "' has key column(s) "
                        + keyed + "; holidays bound to a series need a single series key column (the input has "
                        + keyColumns.size() + "); drop the column to apply the rows to every series");
            }
            String keyColumn = keyed.isEmpty() ? null : keyed.get(0);
            int date = -1;
            int name = -1;
            int key = -1;
            for (int c = 0; c < cols.size(); c++) {
                ColumnInfo ci = cols.get(c);
                if (keyColumn != null && ci.name().equalsIgnoreCase(keyColumn)) {
                    key = c;
                } else if (date < 0 && ci.jdbcType() == Types.DATE) {
                    date = c;
                } else if (name < 0 && isText(ci.jdbcType())) {
                    name = c;
                }
            }
            if (date < 0 || name < 0) {
                throw new FunctionException(ErrorCode.BAD_OPTION, "option holidays: table '" + table + "' has columns "
                        + cols.stream().map(c -> c.name() + " " + c.typeName()).toList() + "; a holiday table needs a DATE "
                        + "column (the day) and a character column (the holiday's name)"
                        + (keyColumn == null ? "" : ", and may have a " + keyColumn + " column (the series it applies to)"));
            }
            Map<String, String> names = new HashMap<>();
            int keyedRows = 0;
            int matched = 0;
            while (rs.next()) {
                java.sql.Date d = rs.getDate(date + 1);
                String n = rs.getString(name + 1);
                if (d == null || n == null || n.isBlank()) {
                    throw new FunctionException(ErrorCode.BAD_OPTION, "option holidays: table '" + table
                            + "' has a row with a NULL or empty day or name (" + d + ", " + n + ")");
                }
                String feature = names.computeIfAbsent(n, HolidayTables::featureName);
                Object k = key < 0 ? null : rs.getObject(key + 1);
                if (k == null) {
                    rows.add(HolidayCalendar.row(d.toLocalDate(), feature, null));
                } else {
                    keyedRows++;
                    Integer id = seriesIds.get(keyText(k));
                    if (id != null) {
                        // the engine identifies a series of the batch by its id
                        rows.add(HolidayCalendar.row(d.toLocalDate(), feature, Integer.toString(id)));
                        matched++;
                    }
                }
            }
            if (keyedRows > 0 && matched == 0) {
                throw new FunctionException(ErrorCode.BAD_OPTION, "option holidays: none of the " + keyedRows + " rows of table '"
                        + table + "' bound to a series (" + keyColumn + " not NULL) matches a series of the input; "
                        + "check the key values (NULL applies a row to every series)");
            }
        } catch (SQLException e) {
            throw Errors.ofInputQuery(e, "holidays table");
        }
        return rows;
    }

    /**
     * A key value as text for matching holiday rows to series: numbers without trailing zeros (a
     * DECIMAL 1.00 matches an INT 1), text without trailing blanks (CHAR padding).
     */
    static String keyText(Object v) {
        if (v instanceof Number n) {
            try {
                return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return n.toString();
            }
        }
        return String.valueOf(v).stripTrailing();
    }

    /** A feature name from a holiday's name: {@code user_} plus its letters and digits in lower case. */
    static String featureName(String holiday) {
        String clean = holiday.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", "");
        return "user_" + clean;
    }

    private static boolean isText(int type) {
        return type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR || type == Types.NCHAR
                || type == Types.LONGVARCHAR || type == Types.LONGNVARCHAR || type == Types.CLOB;
    }
}
