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
     * @param keyColumn  the single series key column's name, or null (no key, or several key columns)
     * @param seriesIds  series id by the key's text (what series-bound rows are matched against)
     */
    static HolidayCalendar resolve(ForecastSession session, String text, int[] window, String keyColumn,
                                   Map<String, Integer> seriesIds) {
        HolidayCalendar calendar = HolidayCalendar.none();
        if (text != null) {
            for (String item : text.split(",")) {
                String name = item.trim();
                String upper = name.toUpperCase(Locale.ROOT);
                calendar = calendar.plus(upper.equals("CN") || upper.equals("US") ? HolidayCalendar.builtIn(upper)
                        : HolidayCalendar.of(read(session, name, keyColumn, seriesIds)));
            }
        }
        return calendar.withWindows(window[0], window[1]);
    }

    private static List<Holiday> read(ForecastSession session, String table, String keyColumn, Map<String, Integer> seriesIds) {
        String query = InputQuery.resolve(table, "holidays table", session.h2());
        List<Holiday> rows = new ArrayList<>();
        try (Statement st = session.calcite().createStatement(); ResultSet rs = st.executeQuery(query)) {
            List<ColumnInfo> cols = ColumnInfo.describe(rs.getMetaData());
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
            while (rs.next()) {
                java.sql.Date d = rs.getDate(date + 1);
                String n = rs.getString(name + 1);
                if (d == null || n == null || n.isBlank()) {
                    throw new FunctionException(ErrorCode.BAD_OPTION, "option holidays: table '" + table
                            + "' has a row with a NULL or empty day or name (" + d + ", " + n + ")");
                }
                String feature = names.computeIfAbsent(n, HolidayTables::featureName);
                String k = key < 0 ? null : rs.getString(key + 1);
                if (k == null) {
                    rows.add(HolidayCalendar.row(d.toLocalDate(), feature, null));
                } else if (seriesIds.containsKey(k)) {
                    // the engine identifies a series of the batch by its id
                    rows.add(HolidayCalendar.row(d.toLocalDate(), feature, Integer.toString(seriesIds.get(k))));
                }
            }
        } catch (SQLException e) {
            throw Errors.ofInputQuery(e, "holidays table");
        }
        return rows;
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
