package org.forecastsql.engine.calendar;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A set of holiday effects turned into 0/1 feature columns per day.
 *
 * <p>Each distinct effect name is one column, 1 on every day one of its occurrences covers. With a
 * window {@code before = b > 0} an extra column {@code <name>_before} is 1 on the {@code b} days
 * before an occurrence starts; with {@code after = a > 0} a column {@code <name>_after} is 1 on the
 * {@code a} days after it ends. Holidays bound to a series key count only for that series; the
 * columns are the same for every series, so one global model sees one layout.
 *
 * <p>Built-ins: {@link #builtIn(String)} with {@code CN} (2000-2050) or {@code US}; user rows
 * through {@link #of(List)}; {@link #plus(HolidayCalendar)} combines calendars. Immutable and
 * thread-safe.
 */
public final class HolidayCalendar {
    private static final int[] NONE = new int[0];

    private final List<Holiday> holidays;
    private final int before;
    private final int after;
    private final List<String> columns;
    private final Map<Long, int[]> global;
    /** {@code global} as a dense array over {@code denseFirst ..}: the hot path avoids boxing. */
    private final long denseFirst;
    private final int[][] dense;
    private final Map<String, Map<Long, int[]>> bySeries;

    private HolidayCalendar(List<Holiday> holidays, int before, int after) {
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("holiday windows must be >= 0; got before=" + before
                    + ", after=" + after);
        }
        this.holidays = List.copyOf(holidays);
        this.before = before;
        this.after = after;
        Map<String, Integer> effects = new LinkedHashMap<>();
        for (Holiday h : this.holidays) {
            effects.putIfAbsent(h.name(), effects.size());
        }
        int perEffect = 1 + (before > 0 ? 1 : 0) + (after > 0 ? 1 : 0);
        List<String> cols = new ArrayList<>();
        for (String e : effects.keySet()) {
            cols.add(e);
            if (before > 0) {
                cols.add(e + "_before");
            }
            if (after > 0) {
                cols.add(e + "_after");
            }
        }
        this.columns = Collections.unmodifiableList(cols);
        Map<Long, int[]> g = new HashMap<>();
        Map<String, Map<Long, int[]>> s = new HashMap<>();
        for (Holiday h : this.holidays) {
            Map<Long, int[]> target = h.seriesKey() == null ? g : s.computeIfAbsent(h.seriesKey(), k -> new HashMap<>());
            int base = effects.get(h.name()) * perEffect;
            mark(target, h.firstDay(), h.lastDay(), base);
            int next = base + 1;
            if (before > 0) {
                mark(target, h.firstDay() - before, h.firstDay() - 1, next++);
            }
            if (after > 0) {
                mark(target, h.lastDay() + 1, h.lastDay() + after, next);
            }
        }
        this.global = g;
        this.bySeries = s;
        long lo = g.keySet().stream().mapToLong(Long::longValue).min().orElse(0);
        long hi = g.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
        this.denseFirst = lo;
        this.dense = new int[(int) Math.min(hi - lo + 1, 1_000_000)][];
        for (Map.Entry<Long, int[]> e : g.entrySet()) {
            long i = e.getKey() - lo;
            if (i < dense.length) {
                dense[(int) i] = e.getValue();
            }
        }
    }

    private static void mark(Map<Long, int[]> map, long first, long last, int column) {
        for (long d = first; d <= last; d++) {
            int[] cols = map.getOrDefault(d, NONE);
            if (Arrays.stream(cols).noneMatch(c -> c == column)) {
                int[] grown = Arrays.copyOf(cols, cols.length + 1);
                grown[cols.length] = column;
                map.put(d, grown);
            }
        }
    }

    /** The empty calendar: no columns. */
    public static HolidayCalendar none() {
        return new HolidayCalendar(List.of(), 0, 0);
    }

    /**
     * A built-in calendar by name, case-insensitive: {@code CN} or {@code US}.
     *
     * @throws IllegalArgumentException naming the accepted calendars
     */
    public static HolidayCalendar builtIn(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "CN" -> new HolidayCalendar(ChineseCalendar.holidays(), 0, 0);
            case "US" -> new HolidayCalendar(UsCalendar.holidays(), 0, 0);
            default -> throw new IllegalArgumentException("unknown holiday calendar '" + name
                    + "'; built-in calendars: CN, US (or a holiday table)");
        };
    }

    /** A calendar of user rows (date, name, optional series key), e.g. read from a holiday table. */
    public static HolidayCalendar of(List<Holiday> rows) {
        return new HolidayCalendar(rows, 0, 0);
    }

    /** User row helper: a one-day holiday on {@code date}, for one series or (key null) all. */
    public static Holiday row(LocalDate date, String name, String seriesKey) {
        return new Holiday(name, date.toEpochDay(), date.toEpochDay(), seriesKey);
    }

    /** This calendar with {@code before}/{@code after} window columns for every effect. */
    public HolidayCalendar withWindows(int before, int after) {
        return new HolidayCalendar(holidays, before, after);
    }

    /** Both calendars' holidays (effects of the same name merge), with this calendar's windows. */
    public HolidayCalendar plus(HolidayCalendar other) {
        List<Holiday> all = new ArrayList<>(holidays);
        all.addAll(other.holidays);
        return new HolidayCalendar(all, before, after);
    }

    public List<Holiday> holidays() {
        return holidays;
    }

    public int windowBefore() {
        return before;
    }

    public int windowAfter() {
        return after;
    }

    /** Column names, in the order {@link #features} and {@link #fill} use. */
    public List<String> columns() {
        return columns;
    }

    public int width() {
        return columns.size();
    }

    /** Writes the 0/1 columns of {@code epochDay} for series {@code seriesKey} into {@code row[offset..]}. */
    public void fill(long epochDay, String seriesKey, double[] row, int offset) {
        Arrays.fill(row, offset, offset + columns.size(), 0.0);
        long i = epochDay - denseFirst;
        int[] on = i >= 0 && i < dense.length ? dense[(int) i] : global.get(epochDay);
        if (on != null) {
            for (int c : on) {
                row[offset + c] = 1.0;
            }
        }
        if (seriesKey != null && !bySeries.isEmpty()) {
            Map<Long, int[]> own = bySeries.get(seriesKey);
            if (own != null) {
                for (int c : own.getOrDefault(epochDay, NONE)) {
                    row[offset + c] = 1.0;
                }
            }
        }
    }

    /** {@code [day][column]} 0/1 features of the given days for every series (series-bound rows ignored). */
    public double[][] features(long[] epochDays) {
        return features(epochDays, null);
    }

    /** {@code [day][column]} 0/1 features of the given days for series {@code seriesKey}. */
    public double[][] features(long[] epochDays, String seriesKey) {
        double[][] out = new double[epochDays.length][columns.size()];
        for (int i = 0; i < epochDays.length; i++) {
            fill(epochDays[i], seriesKey, out[i], 0);
        }
        return out;
    }

    /** Names of the effects active on {@code epochDay} for {@code seriesKey} (for explanations and tests). */
    public List<String> active(long epochDay, String seriesKey) {
        double[] row = new double[columns.size()];
        fill(epochDay, seriesKey, row, 0);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < row.length; c++) {
            if (row[c] != 0) {
                names.add(columns.get(c));
            }
        }
        return names;
    }

    /** Writes the holidays and windows (read back by {@link #read}). */
    public void write(DataOutput out) throws IOException {
        out.writeInt(before);
        out.writeInt(after);
        out.writeInt(holidays.size());
        for (Holiday h : holidays) {
            out.writeUTF(h.name());
            out.writeLong(h.firstDay());
            out.writeLong(h.lastDay());
            out.writeBoolean(h.seriesKey() != null);
            if (h.seriesKey() != null) {
                out.writeUTF(h.seriesKey());
            }
        }
    }

    /** Reads a calendar written by {@link #write}. */
    public static HolidayCalendar read(DataInput in) throws IOException {
        int before = in.readInt();
        int after = in.readInt();
        int n = in.readInt();
        List<Holiday> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            long first = in.readLong();
            long last = in.readLong();
            String key = in.readBoolean() ? in.readUTF() : null;
            rows.add(new Holiday(name, first, last, key));
        }
        return new HolidayCalendar(rows, before, after);
    }
}
