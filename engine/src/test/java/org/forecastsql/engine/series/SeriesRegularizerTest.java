package org.forecastsql.engine.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.forecastsql.engine.series.SeriesRegularizer.Regularized;
import org.junit.jupiter.api.Test;

/** Expected values are worked out by hand from the rows in each test. */
class SeriesRegularizerTest {
    private static final double NA = Double.NaN;
    private static final TimeEncoding DAY = TimeEncoding.EPOCH_DAY;

    private static long d(String iso) {
        return LocalDate.parse(iso).toEpochDay();
    }

    private static Regularized daily(long[] t, double[] y, Fill fill) {
        return SeriesRegularizer.regularize(t, y, null, null, 0, t.length, Frequency.DAILY, DAY, fill);
    }

    // Jan 1: 1, Jan 2: 2 + 3 (duplicate), Jan 3 and Jan 4 absent, Jan 5: 8, Jan 6: NULL, Jan 7: 10; rows unsorted.
    private static final long[] T = {d("2024-01-05"), d("2024-01-02"), d("2024-01-01"), d("2024-01-02"), d("2024-01-07"), d("2024-01-06")};
    private static final double[] Y = {8, 2, 1, 3, 10, NA};

    @Test
    void duplicatesSummedGapsZeroFilled() {
        Regularized r = daily(T, Y, Fill.ZERO);
        assertEquals(d("2024-01-01"), r.start());
        assertArrayEquals(new double[] {1, 5, 0, 0, 8, NA, 10}, r.y());
        assertEquals(1, r.duplicates());
        assertEquals(2, r.gapsFilled());
        assertEquals(1, r.missing());
        assertEquals(0, r.offGrid());
        assertEquals(7, r.length());
        assertEquals(d("2024-01-07"), r.timeAt(6, Frequency.DAILY, DAY));
    }

    @Test
    void previousFill() {
        Regularized r = daily(T, Y, Fill.PREVIOUS);
        assertArrayEquals(new double[] {1, 5, 5, 5, 8, NA, 10}, r.y());
        assertEquals(2, r.gapsFilled());
        assertEquals(1, r.missing());
    }

    @Test
    void linearFill() {
        Regularized r = daily(T, Y, Fill.LINEAR);
        // Between Jan 2 (5) and Jan 5 (8): 6, 7.
        assertArrayEquals(new double[] {1, 5, 6, 7, 8, NA, 10}, r.y(), 1e-12);
        assertEquals(2, r.gapsFilled());
        // A gap next to a NULL row interpolates between the nearest known values: 0 .. 12 over 4 steps.
        long[] t = {0, 1, 4};
        double[] y = {0, NA, 12};
        Regularized s = SeriesRegularizer.regularize(t, y, null, null, 0, 3, Frequency.DAILY, DAY, Fill.LINEAR);
        assertArrayEquals(new double[] {0, NA, 6, 9, 12}, s.y(), 1e-12);
        assertEquals(2, s.gapsFilled());
        assertEquals(1, s.missing());
    }

    @Test
    void nullFillKeepsGapsMissing() {
        Regularized r = daily(T, Y, Fill.NULL);
        assertArrayEquals(new double[] {1, 5, NA, NA, 8, NA, 10}, r.y());
        assertEquals(0, r.gapsFilled());
        assertEquals(3, r.missing());
    }

    @Test
    void allNullRowsOnOnePeriodStayMissingAndSumsSkipNulls() {
        long[] t = {0, 0, 1, 1};
        double[] y = {NA, NA, 4, NA};
        Regularized r = daily(t, y, Fill.ZERO);
        assertArrayEquals(new double[] {NA, 4}, r.y());
        assertEquals(2, r.duplicates());
        assertEquals(0, r.gapsFilled());
        assertEquals(1, r.missing());
    }

    @Test
    void covariatesAveragedOnDuplicatesAndCarriedForward() {
        // price: Jan 1 NULL, Jan 2 (2.0, 4.0 -> 3.0), gap, gap, Jan 5 5.0, Jan 6 NULL, Jan 7 7.0
        double[][] x = {{5, 2, NA, 4, 7, NA}, {1, 1, 1, 1, 1, 1}};
        Regularized r = SeriesRegularizer.regularize(T, Y, x, null, 0, T.length, Frequency.DAILY, DAY, Fill.ZERO);
        assertArrayEquals(new double[] {3, 3, 3, 3, 5, 5, 7}, r.x()[0], 1e-12);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1}, r.x()[1], 1e-12);
    }

    @Test
    void rowIndexSelectsTheSeries() {
        // Two series interleaved; series B owns rows 1, 3, 4 (times 10, 12, 12).
        long[] t = {100, 10, 101, 12, 12};
        double[] y = {1, 2, 3, 4, 5};
        int[] rows = {0, 2, 1, 3, 4};
        Regularized b = SeriesRegularizer.regularize(t, y, null, rows, 2, 5, Frequency.steps(1), TimeEncoding.INTEGER, Fill.ZERO);
        assertEquals(10, b.start());
        assertArrayEquals(new double[] {2, 0, 9}, b.y());
        assertEquals(1, b.duplicates());
        Regularized a = SeriesRegularizer.regularize(t, y, null, rows, 0, 2, Frequency.steps(1), TimeEncoding.INTEGER, Fill.ZERO);
        assertArrayEquals(new double[] {1, 3}, a.y());
        Regularized[] all = SeriesRegularizer.regularizeAll(t, y, null, rows, new int[] {0, 2, 5}, Frequency.steps(1),
                TimeEncoding.INTEGER, Fill.ZERO);
        assertArrayEquals(a.y(), all[0].y());
        assertArrayEquals(b.y(), all[1].y());
    }

    @Test
    void monthEndSeriesOnItsCalendarGrid() {
        long[] t = {d("2023-12-31"), d("2024-01-31"), d("2024-02-29"), d("2024-04-30")};
        double[] y = {1, 2, 3, 5};
        Regularized r = SeriesRegularizer.regularize(t, y, null, null, 0, 4, Frequency.MONTHLY, DAY, Fill.LINEAR);
        assertEquals(TimeAxis.Anchor.MONTH_END, r.anchor());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, r.y(), 1e-12);
        assertEquals(0, r.offGrid());
        assertEquals(d("2024-03-31"), r.timeAt(3, Frequency.MONTHLY, DAY));
        assertEquals(d("2024-05-31"), r.timeAt(5, Frequency.MONTHLY, DAY));
    }

    @Test
    void offGridRowsAreSnappedIntoTheirPeriodAndCounted() {
        // Monthly on the 1st, one row stamped on the 17th of February: it belongs to February.
        long[] t = {d("2024-01-01"), d("2024-02-17"), d("2024-03-01")};
        Regularized m = SeriesRegularizer.regularize(t, new double[] {1, 2, 3}, null, null, 0, 3, Frequency.MONTHLY, DAY,
                Fill.NULL);
        assertArrayEquals(new double[] {1, 2, 3}, m.y());
        assertEquals(1, m.offGrid());
        // Daily rows trained weekly: summed into weeks starting at the first day.
        long[] days = new long[15];
        double[] ones = new double[15];
        for (int i = 0; i < 15; i++) {
            days[i] = d("2024-01-01") + i;
            ones[i] = 1;
        }
        Regularized w = SeriesRegularizer.regularize(days, ones, null, null, 0, 15, Frequency.WEEKLY, DAY, Fill.ZERO);
        assertArrayEquals(new double[] {7, 7, 1}, w.y());
        assertEquals(12, w.offGrid());
        assertEquals(12, w.duplicates());
        // Hourly timestamps, one a second late.
        long h0 = LocalDateTime.of(2024, 1, 1, 23, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        long[] ts = {h0, h0 + 3_600_000L + 1000, h0 + 7_200_000L};
        Regularized h = SeriesRegularizer.regularize(ts, new double[] {1, 2, 3}, null, null, 0, 3, Frequency.HOURLY,
                TimeEncoding.EPOCH_MILLIS, Fill.ZERO);
        assertArrayEquals(new double[] {1, 2, 3}, h.y());
        assertEquals(1, h.offGrid());
    }

    @Test
    void transactionsAtAnyTimeOfDayGoIntoCalendarDays() {
        // Sales stamped when they happened: Jan 1 08:13 (2), Jan 1 17:40 (1), Jan 3 00:05 (4), Jan 3 23:59 (1).
        long[] t = {
            LocalDateTime.of(2024, 1, 3, 23, 59).toInstant(ZoneOffset.UTC).toEpochMilli(),
            LocalDateTime.of(2024, 1, 1, 8, 13).toInstant(ZoneOffset.UTC).toEpochMilli(),
            LocalDateTime.of(2024, 1, 3, 0, 5).toInstant(ZoneOffset.UTC).toEpochMilli(),
            LocalDateTime.of(2024, 1, 1, 17, 40).toInstant(ZoneOffset.UTC).toEpochMilli(),
        };
        double[] y = {1, 2, 4, 1};
        Regularized r = SeriesRegularizer.regularize(t, y, null, null, 0, 4, Frequency.DAILY, TimeEncoding.EPOCH_MILLIS, Fill.ZERO);
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli(), r.start());
        assertArrayEquals(new double[] {3, 0, 5}, r.y());
        assertEquals(4, r.offGrid());
        assertEquals(2, r.duplicates());
        // Monthly rows on varying days: periods are calendar months labelled by their 1st.
        long[] m = {d("2024-01-10"), d("2024-02-11"), d("2024-03-12"), d("2024-05-13")};
        Regularized months = SeriesRegularizer.regularize(m, new double[] {1, 2, 3, 5}, null, null, 0, 4, Frequency.MONTHLY, DAY,
                Fill.NULL);
        assertEquals(d("2024-01-01"), months.start());
        assertEquals(new TimeAxis.Anchor(1), months.anchor());
        assertArrayEquals(new double[] {1, 2, 3, NA, 5}, months.y());
        assertEquals(d("2024-06-01"), months.timeAt(5, Frequency.MONTHLY, DAY));
    }

    @Test
    void matchesAStraightforwardReferenceOnRandomSeries() {
        // Reference: grid times from java.time (plusDays / plusMonths on the 31st-clipped anchor),
        // rows grouped in a TreeMap, sums of non-NULL values, NaN where no row or only NULLs.
        SplittableRandom rnd = new SplittableRandom(42);
        for (int trial = 0; trial < 300; trial++) {
            boolean monthly = trial % 2 == 1;
            Frequency f = monthly ? Frequency.MONTHLY : Frequency.DAILY;
            LocalDate first = monthly ? LocalDate.of(2000 + rnd.nextInt(30), 1 + rnd.nextInt(12), 1).plusMonths(1).minusDays(1)
                    : LocalDate.of(1990 + rnd.nextInt(40), 1, 1).plusDays(rnd.nextInt(365));
            int periods = 1 + rnd.nextInt(60);
            List<Long> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            TreeMap<Integer, double[]> expected = new TreeMap<>();
            for (int k = 0; k < periods; k++) {
                int copies = k == 0 || k == periods - 1 ? 1 + rnd.nextInt(3) : rnd.nextInt(3);
                LocalDate at = monthly ? first.plusMonths(k).withDayOfMonth(first.plusMonths(k).lengthOfMonth()) : first.plusDays(k);
                for (int c = 0; c < copies; c++) {
                    double v = rnd.nextInt(10) == 0 ? NA : rnd.nextInt(100);
                    times.add(at.toEpochDay());
                    values.add(v);
                    double[] acc = expected.computeIfAbsent(k, key -> new double[] {NA});
                    if (!Double.isNaN(v)) {
                        acc[0] = Double.isNaN(acc[0]) ? v : acc[0] + v;
                    }
                }
            }
            int n = times.size();
            int[] order = rnd.ints(n).toArray();
            Integer[] perm = new Integer[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            java.util.Arrays.sort(perm, (a, b) -> Integer.compare(order[a], order[b]));
            long[] t = new long[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = times.get(perm[i]);
                y[i] = values.get(perm[i]);
            }
            Regularized r = SeriesRegularizer.regularize(t, y, null, null, 0, n, f, DAY, Fill.NULL);
            assertEquals(first.toEpochDay(), r.start());
            assertEquals(periods, r.length());
            assertEquals(0, r.offGrid());
            assertEquals(n - expected.size(), r.duplicates());
            for (int k = 0; k < periods; k++) {
                double want = expected.containsKey(k) ? expected.get(k)[0] : NA;
                assertEquals(want, r.y()[k], 0, "trial " + trial + " period " + k);
                LocalDate at = monthly ? first.plusMonths(k).withDayOfMonth(first.plusMonths(k).lengthOfMonth()) : first.plusDays(k);
                assertEquals(at.toEpochDay(), r.timeAt(k, f, DAY));
            }
        }
    }

    @Test
    void refusesEmptySeriesMisfitFrequencyAndHugeGrids() {
        assertThrows(IllegalArgumentException.class,
                () -> SeriesRegularizer.regularize(new long[0], new double[0], null, null, 0, 0, Frequency.DAILY, DAY, Fill.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> SeriesRegularizer.regularize(new long[] {1}, new double[] {1}, null, null, 0, 1, Frequency.HOURLY, DAY, Fill.ZERO));
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> SeriesRegularizer.regularize(new long[] {0, 2_000_000_000_000L}, new double[] {1, 2}, null, null, 0, 2,
                        new Frequency(Frequency.Unit.SECOND, 1), TimeEncoding.EPOCH_MILLIS, Fill.ZERO));
        assertTrue(huge.getMessage().contains("periods"), huge.getMessage());
    }
}
