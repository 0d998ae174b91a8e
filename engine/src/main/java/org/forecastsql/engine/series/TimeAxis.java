package org.forecastsql.engine.series;

/**
 * Calendar-correct stepping along a time grid, on times encoded as longs ({@link TimeEncoding}).
 *
 * <p>Fixed-length units (second to week) add a duration; on {@link TimeEncoding#EPOCH_MILLIS} the
 * wall clock is read as UTC, so a day is always 86 400 000 ms. Calendar units (month, quarter,
 * year) move the year and month and then put the day of month back to the grid's {@link Anchor},
 * clipped to the month's length: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year), and a
 * month-end anchored series goes Feb 29 2024 → Mar 31 2024 → Apr 30 2024. The time of day of a
 * timestamp is kept. Dates use the proleptic Gregorian calendar (the civil-from-days algorithms
 * of H. Hinnant, "chrono-compatible low-level date algorithms", as {@code java.time} does) without
 * allocating objects, so that the regulariser can map millions of rows.
 */
public final class TimeAxis {
    /** Milliseconds in a day. */
    public static final long DAY_MILLIS = 86_400_000L;

    private TimeAxis() {
    }

    /**
     * The day of month a calendar grid returns to each period, clipped to the month's length;
     * 31 means the month's last day.
     *
     * @param dayOfMonth 1..31
     */
    public record Anchor(int dayOfMonth) {
        /** The anchor of month-end series. */
        public static final Anchor MONTH_END = new Anchor(31);

        public Anchor {
            if (dayOfMonth < 1 || dayOfMonth > 31) {
                throw new IllegalArgumentException("anchor day must be 1..31, got " + dayOfMonth);
            }
        }

        /** True when the grid keeps to the last day of every month. */
        public boolean monthEnd() {
            return dayOfMonth == 31;
        }
    }

    /**
     * The anchor of a grid that starts at {@code firstTime} when nothing else is known: its day of
     * month, or {@link Anchor#MONTH_END} when it is the last day of its month (so Feb 29 2024
     * continues with Mar 31). Only calendar units use the anchor; for the others any anchor works.
     */
    public static Anchor anchorOf(long firstTime, TimeEncoding enc) {
        if (enc == TimeEncoding.INTEGER) {
            return Anchor.MONTH_END;
        }
        long day = epochDay(firstTime, enc);
        long p = civil(day);
        int d = dayOf(p);
        long mi = monthIndexOf(p);
        return d == lengthOfMonth(mi) ? Anchor.MONTH_END : new Anchor(d);
    }

    /**
     * The anchor of a series from its rows: the earliest time's day of month; when that is a month's
     * last day (28..31) the largest day of month among the rows decides, so month-end series
     * starting in February are month-end anchored (Feb 28, Mar 31, …) while a series of the 28th
     * starting Feb 28 stays on the 28th. A single month-end row gives {@link Anchor#MONTH_END}.
     *
     * @param time     times of all rows
     * @param rowIndex the rows of this series are {@code rowIndex[from..to)}; null means {@code from..to}
     */
    public static Anchor anchorOf(long[] time, int[] rowIndex, int from, int to, TimeEncoding enc) {
        if (enc == TimeEncoding.INTEGER || to <= from) {
            return Anchor.MONTH_END;
        }
        long first = Long.MAX_VALUE;
        for (int i = from; i < to; i++) {
            first = Math.min(first, time[rowIndex == null ? i : rowIndex[i]]);
        }
        long p0 = civil(epochDay(first, enc));
        int d0 = dayOf(p0);
        if (d0 != lengthOfMonth(monthIndexOf(p0))) {
            return new Anchor(d0);
        }
        int maxDay = d0;
        boolean other = false;
        for (int i = from; i < to; i++) {
            long t = time[rowIndex == null ? i : rowIndex[i]];
            if (t != first) {
                other = true;
                maxDay = Math.max(maxDay, dayOf(civil(epochDay(t, enc))));
            }
        }
        return other ? new Anchor(maxDay) : Anchor.MONTH_END;
    }

    /**
     * The time {@code k} periods after {@code t} (before it for negative k), anchored at {@code t}
     * itself ({@link #anchorOf(long, TimeEncoding)}). To continue a series, prefer
     * {@link SeriesRegularizer.Regularized#timeAt}, which keeps the series' own anchor.
     */
    public static long advance(long t, long k, Frequency f, TimeEncoding enc) {
        return advance(t, k, f, enc, f.unit().calendar() ? anchorOf(t, enc) : Anchor.MONTH_END);
    }

    /**
     * The time {@code k} periods after {@code t} (before it for negative k) on a grid with the given anchor.
     *
     * @throws IllegalArgumentException when the frequency does not fit the encoding (hours on a DATE)
     */
    public static long advance(long t, long k, Frequency f, TimeEncoding enc, Anchor anchor) {
        Frequency.Unit u = f.unit();
        switch (enc) {
            case INTEGER -> {
                requireFits(f, enc, u == Frequency.Unit.STEP);
                return t + k * f.step();
            }
            case EPOCH_DAY -> {
                requireFits(f, enc, u != Frequency.Unit.STEP && u.compareTo(Frequency.Unit.DAY) >= 0);
                if (u.calendar()) {
                    return addMonths(t, k * f.step() * u.months(), anchor.dayOfMonth());
                }
                return t + k * f.step() * (u == Frequency.Unit.WEEK ? 7 : 1);
            }
            default -> {
                requireFits(f, enc, u != Frequency.Unit.STEP);
                if (u.calendar()) {
                    long day = Math.floorDiv(t, DAY_MILLIS);
                    long tod = Math.floorMod(t, DAY_MILLIS);
                    return addMonths(day, k * f.step() * u.months(), anchor.dayOfMonth()) * DAY_MILLIS + tod;
                }
                return t + k * f.step() * u.millis();
            }
        }
    }

    /**
     * The grid position of {@code t} on the grid that starts at {@code start}: the k with
     * {@code advance(start, k) == t}, or -1 when {@code t} is before {@code start} or between
     * grid points (not the anchored day of month, another time of day, not a whole number of steps).
     */
    public static long index(long start, long t, Frequency f, TimeEncoding enc, Anchor anchor) {
        if (t < start) {
            return -1;
        }
        Frequency.Unit u = f.unit();
        if (!u.calendar()) {
            long len = periodLength(f, enc);
            long d = t - start;
            return d % len == 0 ? d / len : -1;
        }
        long ds = epochDay(start, enc);
        long dt = epochDay(t, enc);
        if (enc == TimeEncoding.EPOCH_MILLIS && Math.floorMod(t, DAY_MILLIS) != Math.floorMod(start, DAY_MILLIS)) {
            return -1;
        }
        long ps = civil(ds);
        long pt = civil(dt);
        long months = monthIndexOf(pt) - monthIndexOf(ps);
        long per = f.step() * u.months();
        if (months % per != 0) {
            return -1;
        }
        int want = Math.min(anchor.dayOfMonth(), lengthOfMonth(monthIndexOf(pt)));
        return dayOf(pt) == want ? months / per : -1;
    }

    /**
     * The grid period that contains {@code t} on the grid that starts at {@code start}, or -1 when
     * {@code t} is before {@code start}. Fixed-length units: {@code floor((t - start) / length)};
     * calendar units: the calendar month (quarter, year: counted in months from the start's month)
     * regardless of the day of month and time of day. Equals {@link #index} for times on the grid.
     */
    public static long bucket(long start, long t, Frequency f, TimeEncoding enc) {
        if (t < start) {
            return -1;
        }
        Frequency.Unit u = f.unit();
        if (!u.calendar()) {
            return (t - start) / periodLength(f, enc);
        }
        long months = monthIndexOf(civil(epochDay(t, enc))) - monthIndexOf(civil(epochDay(start, enc)));
        return months / (f.step() * u.months());
    }

    /**
     * The start of the calendar unit holding {@code t}: the 1st of its month (at midnight) for
     * calendar units, midnight for days and weeks, the start of the period counted from the epoch
     * for sub-daily units (15MIN: :00, :15, :30, :45); {@code t} itself for integer periods and dates
     * on a day or week grid.
     */
    public static long startOfUnit(long t, Frequency f, TimeEncoding enc) {
        Frequency.Unit u = f.unit();
        if (enc == TimeEncoding.INTEGER) {
            return t;
        }
        if (u.calendar()) {
            long day = epochDayOf(monthIndexOf(civil(epochDay(t, enc))), 1);
            return enc == TimeEncoding.EPOCH_MILLIS ? day * DAY_MILLIS : day;
        }
        if (enc == TimeEncoding.EPOCH_DAY) {
            return t;
        }
        long unit = u == Frequency.Unit.DAY || u == Frequency.Unit.WEEK ? DAY_MILLIS : f.step() * u.millis();
        return Math.floorDiv(t, unit) * unit;
    }

    /**
     * Whole periods from {@code from} to {@code to}: the largest k with
     * {@code advance(from, k) <= to} (negative when {@code to < from}), anchored at {@code from}.
     */
    public static long periodsBetween(long from, long to, Frequency f, TimeEncoding enc) {
        Frequency.Unit u = f.unit();
        if (!u.calendar()) {
            return Math.floorDiv(to - from, periodLength(f, enc));
        }
        Anchor a = anchorOf(from, enc);
        long per = f.step() * u.months();
        long k = Math.floorDiv(monthIndexOf(civil(epochDay(to, enc))) - monthIndexOf(civil(epochDay(from, enc))), per);
        while (advance(from, k, f, enc, a) > to) {
            k--;
        }
        while (advance(from, k + 1, f, enc, a) <= to) {
            k++;
        }
        return k;
    }

    /** Length of one period of a fixed-length unit in the encoding's units. */
    static long periodLength(Frequency f, TimeEncoding enc) {
        Frequency.Unit u = f.unit();
        return switch (enc) {
            case INTEGER -> {
                requireFits(f, enc, u == Frequency.Unit.STEP);
                yield f.step();
            }
            case EPOCH_DAY -> {
                requireFits(f, enc, u == Frequency.Unit.DAY || u == Frequency.Unit.WEEK);
                yield f.step() * (u == Frequency.Unit.WEEK ? 7 : 1);
            }
            case EPOCH_MILLIS -> {
                requireFits(f, enc, u != Frequency.Unit.STEP && !u.calendar());
                yield f.step() * u.millis();
            }
        };
    }

    private static void requireFits(Frequency f, TimeEncoding enc, boolean ok) {
        if (!ok) {
            f.checkFits(enc);
            throw new IllegalArgumentException("frequency " + f.label() + " has no fixed length in " + enc);
        }
    }

    // ---- civil calendar on epoch days, allocation-free -------------------------------------

    /** The epoch day of a time (floor for timestamps). */
    static long epochDay(long t, TimeEncoding enc) {
        return enc == TimeEncoding.EPOCH_MILLIS ? Math.floorDiv(t, DAY_MILLIS) : t;
    }

    /**
     * Year, month and day of an epoch day packed as {@code monthIndex * 32 + day}, where
     * {@code monthIndex = year * 12 + month - 1}. Hinnant's {@code civil_from_days}.
     */
    static long civil(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        return (y * 12 + m - 1) * 32 + d;
    }

    static long monthIndexOf(long packed) {
        return Math.floorDiv(packed, 32);
    }

    static int dayOf(long packed) {
        return (int) Math.floorMod(packed, 32);
    }

    /** Hinnant's {@code days_from_civil} for a month index ({@code year * 12 + month - 1}) and day. */
    static long epochDayOf(long monthIndex, int day) {
        long y = Math.floorDiv(monthIndex, 12);
        long m = Math.floorMod(monthIndex, 12) + 1;
        if (m <= 2) {
            y--;
        }
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** Days in the month with this month index; February follows the Gregorian leap-year rule. */
    static int lengthOfMonth(long monthIndex) {
        int m = (int) Math.floorMod(monthIndex, 12) + 1;
        if (m == 2) {
            long y = Math.floorDiv(monthIndex, 12);
            boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            return leap ? 29 : 28;
        }
        return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
    }

    /** The epoch day {@code months} months after {@code epochDay}, on the anchored day clipped to the month's length. */
    static long addMonths(long epochDay, long months, int anchorDay) {
        long mi = monthIndexOf(civil(epochDay)) + months;
        return epochDayOf(mi, Math.min(anchorDay, lengthOfMonth(mi)));
    }
}
