package org.forecastsql.engine.series;

import java.util.stream.IntStream;

/**
 * Turns one series' raw rows into a regular grid from its first to its last time.
 *
 * <ul>
 *   <li>The grid starts at the series' earliest time and steps by the frequency
 *       ({@link TimeAxis}; calendar units keep the series' {@link TimeAxis.Anchor}).</li>
 *   <li>Rows whose time is not on that grid (another time of day, another day of month, not a
 *       whole number of steps from the start) are <em>snapped</em> into the period that contains
 *       them ({@link TimeAxis#bucket}: the calendar month for monthly data, else
 *       {@code floor((t - start) / length)}) and counted in {@link Regularized#offGrid()}: monthly data
 *       stamped on varying days, or daily data trained with {@code freq=W}, is aggregated into
 *       its periods rather than dropped. When more than half of the rows are off that grid
 *       (transactions at any time of day, monthly rows on any day of the month), the grid
 *       starts instead at the calendar unit holding the first time ({@link TimeAxis#startOfUnit}:
 *       midnight for days and weeks, the top of the hour or period for sub-daily units, the 1st
 *       of the month for calendar units), so that periods are calendar days, hours, months.</li>
 *   <li>Rows on the same grid time are merged: the target is summed over the non-NULL values
 *       (all NULL stays missing), covariates are averaged over their non-NULL values; each merged
 *       row beyond the first counts in {@link Regularized#duplicates()}.</li>
 *   <li>Periods without any row are gaps, filled per {@link Fill} for the target and counted in
 *       {@link Regularized#gapsFilled()}; a row whose target is NULL is not a gap and stays NaN.
 *       {@link Regularized#missing()} counts the target's NaNs left at the end.</li>
 *   <li>Covariates: gaps and NULLs take the previous value; leading ones the first value; a
 *       covariate that is NULL throughout stays NaN (the caller drops it).</li>
 * </ul>
 * Mapping rows to grid positions needs no sort (O(rows + periods), primitive arrays only).
 * Stateless and thread-safe.
 */
public final class SeriesRegularizer {
    /** A grid longer than this many periods is refused (a stray time far away would exhaust memory). */
    public static final int MAX_PERIODS = 10_000_000;

    private SeriesRegularizer() {
    }

    /**
     * One series on its regular grid.
     *
     * @param start      the time of {@code y[0]}: the series' earliest time, or the start of its
     *                   calendar unit when most rows were off that grid
     * @param y          the target per period; NaN where missing
     * @param x          covariates per period, {@code x[j][t]} (same order as the input columns)
     * @param duplicates rows merged into a period that already had one
     * @param gapsFilled periods without any row that the fill mode gave a value
     * @param missing    NaNs left in {@code y} (NULL targets, and gaps under {@link Fill#NULL} or with nothing to fill from)
     * @param offGrid    rows whose time was not a grid time and were added to the period containing them
     * @param anchor     the day-of-month anchor of calendar grids
     *                   (see {@link TimeAxis#anchorOf(long[], int[], int, int, TimeEncoding)})
     */
    public record Regularized(long start, double[] y, double[][] x, int duplicates, int gapsFilled, int missing, int offGrid,
                              TimeAxis.Anchor anchor) {
        /** Periods on the grid. */
        public int length() {
            return y.length;
        }

        /** The time of period {@code i} (negative or beyond the end for backtests and forecasts). */
        public long timeAt(long i, Frequency f, TimeEncoding enc) {
            return TimeAxis.advance(start, i, f, enc, anchor);
        }
    }

    /**
     * Regularises the series whose rows are {@code rowIndex[from..to)} (or rows {@code from..to}
     * when {@code rowIndex} is null).
     *
     * @param time times of all rows, in {@code enc}
     * @param y    target of all rows, NaN for NULL
     * @param x    covariate columns of all rows, {@code x[j][row]}, NaN for NULL; may be null or empty
     * @throws IllegalArgumentException when the series has no rows, the frequency does not fit the
     *                                  encoding, or the grid would exceed {@link #MAX_PERIODS}
     */
    public static Regularized regularize(long[] time, double[] y, double[][] x, int[] rowIndex, int from, int to,
                                         Frequency f, TimeEncoding enc, Fill fill) {
        int n = to - from;
        if (n <= 0) {
            throw new IllegalArgumentException("a series needs at least one row");
        }
        f.checkFits(enc);
        int cols = x == null ? 0 : x.length;
        long start = Long.MAX_VALUE;
        for (int i = from; i < to; i++) {
            start = Math.min(start, time[rowIndex == null ? i : rowIndex[i]]);
        }
        boolean calendar = f.unit().calendar();
        TimeAxis.Anchor anchor = calendar ? TimeAxis.anchorOf(time, rowIndex, from, to, enc) : TimeAxis.Anchor.MONTH_END;
        int[] pos = new int[n];
        long mapped = mapRows(time, rowIndex, from, n, start, anchor, f, enc, pos);
        if ((int) mapped > n / 2) {
            // Mostly off the grid of the first time (transactions at any time of day, monthly rows on
            // any day): periods are calendar units instead, starting at the unit holding the first time.
            long rebased = TimeAxis.startOfUnit(start, f, enc);
            TimeAxis.Anchor first = calendar ? new TimeAxis.Anchor(1) : anchor;
            if (rebased != start || !first.equals(anchor)) {
                start = rebased;
                anchor = first;
                mapped = mapRows(time, rowIndex, from, n, start, anchor, f, enc, pos);
            }
        }
        int offGrid = (int) mapped;
        long last = mapped >>> 32;
        int len = (int) last + 1;

        double[] out = new double[len];
        java.util.Arrays.fill(out, Double.NaN);
        int[] rows = new int[len];
        int occupied = 0;
        for (int i = 0; i < n; i++) {
            int g = pos[i];
            if (rows[g]++ == 0) {
                occupied++;
            }
            double v = y[rowIndex == null ? from + i : rowIndex[from + i]];
            if (!Double.isNaN(v)) {
                out[g] = Double.isNaN(out[g]) ? v : out[g] + v;
            }
        }
        int duplicates = n - occupied;
        int gapsFilled = fillGaps(out, rows, fill);
        int missing = 0;
        for (double v : out) {
            if (Double.isNaN(v)) {
                missing++;
            }
        }

        double[][] xo = new double[cols][];
        int[] count = cols == 0 ? null : new int[len];
        for (int j = 0; j < cols; j++) {
            double[] col = x[j];
            double[] sum = new double[len];
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                int g = pos[i];
                double v = col[rowIndex == null ? from + i : rowIndex[from + i]];
                if (!Double.isNaN(v)) {
                    sum[g] += v;
                    count[g]++;
                }
            }
            for (int g = 0; g < len; g++) {
                sum[g] = count[g] == 0 ? Double.NaN : sum[g] / count[g];
            }
            carryForward(sum);
            xo[j] = sum;
        }
        return new Regularized(start, out, xo, duplicates, gapsFilled, missing, offGrid, anchor);
    }

    /**
     * Puts each row's grid period into {@code pos}; returns {@code (lastPeriod << 32) | offGridRows}.
     * TimeAxis.bucket and TimeAxis.index are inlined: one civil-date conversion per row.
     */
    private static long mapRows(long[] time, int[] rowIndex, int from, int n, long start, TimeAxis.Anchor anchor, Frequency f,
                                TimeEncoding enc, int[] pos) {
        boolean calendar = f.unit().calendar();
        long period = calendar ? 0 : TimeAxis.periodLength(f, enc);
        long startMonth = TimeAxis.monthIndexOf(TimeAxis.civil(TimeAxis.epochDay(start, enc)));
        long monthsPerPeriod = f.step() * f.unit().months();
        long startTimeOfDay = Math.floorMod(start, TimeAxis.DAY_MILLIS);
        int offGrid = 0;
        long last = 0;
        for (int i = 0; i < n; i++) {
            long t = time[rowIndex == null ? from + i : rowIndex[from + i]];
            long g;
            if (calendar) {
                long pt = TimeAxis.civil(TimeAxis.epochDay(t, enc));
                long mi = TimeAxis.monthIndexOf(pt);
                long months = mi - startMonth;
                g = months / monthsPerPeriod;
                boolean onGrid = months % monthsPerPeriod == 0
                        && TimeAxis.dayOf(pt) == Math.min(anchor.dayOfMonth(), TimeAxis.lengthOfMonth(mi))
                        && (enc != TimeEncoding.EPOCH_MILLIS || Math.floorMod(t, TimeAxis.DAY_MILLIS) == startTimeOfDay);
                if (!onGrid) {
                    offGrid++;
                }
            } else {
                long d = t - start;
                if (period == 1) {
                    g = d;
                } else {
                    g = d / period;
                    if (g * period != d) {
                        offGrid++;
                    }
                }
            }
            if (g >= MAX_PERIODS) {
                throw new IllegalArgumentException("a series spans more than " + MAX_PERIODS + " periods of " + f.label()
                        + " (from " + start + " to " + t + " in " + enc + "); check the time column or freq");
            }
            pos[i] = (int) g;
            last = Math.max(last, g);
        }
        return (last << 32) | offGrid;
    }

    /**
     * Regularises every series of a batch in parallel (common fork-join pool): series {@code s}
     * owns {@code rowIndex[offsets[s]..offsets[s+1])}. An exception for one series (a grid over
     * {@link #MAX_PERIODS}, an empty range) aborts the batch; call {@link #regularize} per series to
     * turn such a series into a fallback instead.
     */
    public static Regularized[] regularizeAll(long[] time, double[] y, double[][] x, int[] rowIndex, int[] offsets,
                                              Frequency f, TimeEncoding enc, Fill fill) {
        Regularized[] out = new Regularized[offsets.length - 1];
        IntStream.range(0, out.length).parallel()
                .forEach(s -> out[s] = regularize(time, y, x, rowIndex, offsets[s], offsets[s + 1], f, enc, fill));
        return out;
    }

    /** Fills the periods with {@code rows[g] == 0}; returns how many got a value. */
    static int fillGaps(double[] y, int[] rows, Fill fill) {
        int filled = 0;
        switch (fill) {
            case NULL -> {
                return 0;
            }
            case ZERO -> {
                for (int g = 0; g < y.length; g++) {
                    if (rows[g] == 0) {
                        y[g] = 0;
                        filled++;
                    }
                }
            }
            case PREVIOUS -> {
                double prev = Double.NaN;
                for (int g = 0; g < y.length; g++) {
                    if (rows[g] == 0) {
                        y[g] = prev;
                        if (!Double.isNaN(prev)) {
                            filled++;
                        }
                    } else if (!Double.isNaN(y[g])) {
                        prev = y[g];
                    }
                }
            }
            case LINEAR -> {
                int left = -1;
                int g = 0;
                while (g < y.length) {
                    if (rows[g] != 0) {
                        if (!Double.isNaN(y[g])) {
                            left = g;
                        }
                        g++;
                        continue;
                    }
                    int runEnd = g;
                    while (runEnd < y.length && rows[runEnd] == 0) {
                        runEnd++;
                    }
                    int right = runEnd;
                    while (right < y.length && Double.isNaN(y[right])) {
                        right++;
                    }
                    for (int k = g; k < runEnd; k++) {
                        double v;
                        if (left >= 0 && right < y.length) {
                            v = y[left] + (y[right] - y[left]) * (k - left) / (right - left);
                        } else if (left >= 0) {
                            v = y[left];
                        } else if (right < y.length) {
                            v = y[right];
                        } else {
                            v = Double.NaN;
                        }
                        y[k] = v;
                        if (!Double.isNaN(v)) {
                            filled++;
                        }
                    }
                    g = runEnd;
                }
            }
        }
        return filled;
    }

    /** Replaces NaN by the previous value, and leading NaN by the first value. */
    static void carryForward(double[] v) {
        int first = 0;
        while (first < v.length && Double.isNaN(v[first])) {
            first++;
        }
        if (first == v.length) {
            return;
        }
        for (int i = 0; i < first; i++) {
            v[i] = v[first];
        }
        for (int i = first + 1; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                v[i] = v[i - 1];
            }
        }
    }
}
