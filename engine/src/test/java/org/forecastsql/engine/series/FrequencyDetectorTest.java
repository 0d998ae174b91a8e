package org.forecastsql.engine.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.forecastsql.engine.series.Frequency.Unit;
import org.junit.jupiter.api.Test;

class FrequencyDetectorTest {
    private static final TimeEncoding DAY = TimeEncoding.EPOCH_DAY;
    private static final TimeEncoding MS = TimeEncoding.EPOCH_MILLIS;

    /** n dates from a generator, with every {@code dropEvery}-th one removed (0: none). */
    private static long[] dates(int n, int dropEvery, IntFunction<LocalDate> gen) {
        long[] out = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (dropEvery > 0 && i % dropEvery == dropEvery - 1) {
                continue;
            }
            out[k++] = gen.apply(i).toEpochDay();
        }
        return Arrays.copyOf(out, k);
    }

    private static long[] toMillis(long[] epochDays, int hour) {
        long[] out = new long[epochDays.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = epochDays[i] * TimeAxis.DAY_MILLIS + hour * 3_600_000L;
        }
        return out;
    }

    @Test
    void eachCalendarFrequencyOnDates() {
        LocalDate s = LocalDate.of(2019, 1, 1);
        assertEquals(Frequency.DAILY, FrequencyDetector.infer(dates(400, 0, s::plusDays), DAY));
        assertEquals(Frequency.WEEKLY, FrequencyDetector.infer(dates(100, 0, s::plusWeeks), DAY));
        assertEquals(Frequency.MONTHLY, FrequencyDetector.infer(dates(36, 0, s::plusMonths), DAY));
        assertEquals(Frequency.QUARTERLY, FrequencyDetector.infer(dates(20, 0, i -> s.plusMonths(3L * i)), DAY));
        assertEquals(Frequency.YEARLY, FrequencyDetector.infer(dates(12, 0, s::plusYears), DAY));
        assertEquals(new Frequency(Unit.WEEK, 2), FrequencyDetector.infer(dates(30, 0, i -> s.plusWeeks(2L * i)), DAY));
        assertEquals(new Frequency(Unit.MONTH, 6), FrequencyDetector.infer(dates(10, 0, i -> s.plusMonths(6L * i)), DAY));
    }

    @Test
    void monthEndsAndLeapDaysAreMonthly() {
        LocalDate jan31 = LocalDate.of(2023, 1, 31);
        long[] ends = dates(30, 0, i -> jan31.plusMonths(i).withDayOfMonth(jan31.plusMonths(i).lengthOfMonth()));
        assertEquals(Frequency.MONTHLY, FrequencyDetector.infer(ends, DAY));
        long[] quarterEnds = dates(12, 0, i -> {
            LocalDate q = LocalDate.of(2023, 3, 1).plusMonths(3L * i);
            return q.withDayOfMonth(q.lengthOfMonth());
        });
        assertEquals(Frequency.QUARTERLY, FrequencyDetector.infer(quarterEnds, DAY));
        long[] leap = dates(9, 0, i -> LocalDate.of(2020, 2, 29).plusYears(i));
        assertEquals(Frequency.YEARLY, FrequencyDetector.infer(leap, DAY));
    }

    @Test
    void copesWithGaps() {
        LocalDate s = LocalDate.of(2019, 1, 1);
        assertEquals(Frequency.DAILY, FrequencyDetector.infer(dates(400, 3, s::plusDays), DAY));
        // Every other day missing for most of the series: gaps of 2 dominate, gaps of 1 are a third as
        // frequent and divide 2, so the data is daily with holes.
        long[] holes = dates(400, 0, i -> s.plusDays(i < 300 ? 2L * i : 600 + (i - 300)));
        assertEquals(Frequency.DAILY, FrequencyDetector.infer(holes, DAY));
        assertEquals(Frequency.WEEKLY, FrequencyDetector.infer(dates(100, 4, s::plusWeeks), DAY));
        assertEquals(Frequency.MONTHLY, FrequencyDetector.infer(dates(60, 3, s::plusMonths), DAY));
        assertEquals(Frequency.QUARTERLY, FrequencyDetector.infer(dates(30, 3, i -> s.plusMonths(3L * i)), DAY));
        assertEquals(Frequency.YEARLY, FrequencyDetector.infer(dates(20, 3, s::plusYears), DAY));
    }

    @Test
    void weeklyWithDriftingWeekdayIsWeekly() {
        LocalDate s = LocalDate.of(2022, 1, 3);
        SplittableRandom rnd = new SplittableRandom(5);
        long[] t = dates(104, 0, i -> s.plusWeeks(i).plusDays(rnd.nextInt(3) - 1));
        Arrays.sort(t);
        assertEquals(Frequency.WEEKLY, FrequencyDetector.infer(t, DAY));
    }

    @Test
    void monthlyStampedOnVaryingDaysIsMonthly() {
        long[] t = dates(24, 0, i -> LocalDate.of(2022, 1, 1).plusMonths(i).withDayOfMonth(10 + (i % 3)));
        assertEquals(Frequency.MONTHLY, FrequencyDetector.infer(t, DAY));
    }

    @Test
    void timestamps() {
        LocalDateTime s = LocalDateTime.of(2024, 3, 30, 0, 0);
        long[] hourly = new long[200];
        long[] quarterHours = new long[200];
        for (int i = 0; i < hourly.length; i++) {
            hourly[i] = s.plusHours(i).toInstant(ZoneOffset.UTC).toEpochMilli();
            quarterHours[i] = s.plusMinutes(15L * i).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        assertEquals(Frequency.HOURLY, FrequencyDetector.infer(hourly, MS));
        assertEquals(new Frequency(Unit.MINUTE, 15), FrequencyDetector.infer(quarterHours, MS));
        LocalDate d = LocalDate.of(2019, 1, 31);
        assertEquals(Frequency.DAILY, FrequencyDetector.infer(toMillis(dates(100, 5, d::plusDays), 9), MS));
        assertEquals(Frequency.WEEKLY, FrequencyDetector.infer(toMillis(dates(100, 0, d::plusWeeks), 0), MS));
        assertEquals(Frequency.MONTHLY, FrequencyDetector.infer(toMillis(dates(30, 0, d::plusMonths), 12), MS));
        assertEquals(Frequency.YEARLY, FrequencyDetector.infer(toMillis(dates(10, 0, d::plusYears), 12), MS));
    }

    @Test
    void integerSteps() {
        assertEquals(Frequency.steps(1), FrequencyDetector.infer(new long[] {1, 2, 3, 4, 6, 7}, TimeEncoding.INTEGER));
        assertEquals(Frequency.steps(1), FrequencyDetector.infer(new long[] {1990, 1991, 1992, 1995}, TimeEncoding.INTEGER));
        assertEquals(Frequency.steps(5), FrequencyDetector.infer(new long[] {0, 5, 10, 15, 25, 30}, TimeEncoding.INTEGER));
        assertEquals(Frequency.steps(3), FrequencyDetector.infer(new long[] {-3, 0, 0, 3, 6}, TimeEncoding.INTEGER));
    }

    @Test
    void batchOfSeriesPoolsGapsPerSeries() {
        // Two weekly series on different weekdays: pooled times would look daily, per series they are weekly.
        long[] time = new long[40];
        int[] rows = new int[40];
        for (int i = 0; i < 20; i++) {
            time[i] = LocalDate.of(2024, 1, 1).plusWeeks(19 - i).toEpochDay();
            time[20 + i] = LocalDate.of(2024, 1, 4).plusWeeks(i).toEpochDay();
        }
        for (int i = 0; i < 40; i++) {
            rows[i] = 39 - i;
        }
        assertEquals(Frequency.WEEKLY, FrequencyDetector.infer(time, rows, new int[] {0, 20, 40}, DAY));
        assertEquals(Frequency.WEEKLY, FrequencyDetector.infer(time, null, new int[] {0, 20, 40}, DAY));
    }

    @Test
    void largeBatchesAreSampledEveryKthSeries() {
        // 10 series of 30 days; series 3 and 7 are weekly. Sampling 100 rows reads every 3rd series
        // (0, 3, 6, 9): three daily, one weekly -> daily. Reading all agrees.
        int[] offsets = new int[11];
        long[] time = new long[300];
        for (int s = 0; s < 10; s++) {
            offsets[s] = 30 * s;
            for (int i = 0; i < 30; i++) {
                time[30 * s + i] = 19000 + (s == 3 || s == 7 ? 7L * i : i);
            }
        }
        offsets[10] = 300;
        assertEquals(Frequency.DAILY, FrequencyDetector.infer(time, null, offsets, DAY, 100));
        assertEquals(Frequency.DAILY, FrequencyDetector.infer(time, null, offsets, DAY));
        // Sampling only series 0, 7 (stride 7): one daily, one weekly, 29 gaps each: tie -> the shorter.
        assertEquals(Frequency.DAILY, FrequencyDetector.infer(time, null, offsets, DAY, 43));
    }

    @Test
    void unclearDataAsksForFreq() {
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> FrequencyDetector.infer(new long[] {19000, 19000}, DAY));
        assertTrue(single.getMessage().contains("freq="), single.getMessage());
        IllegalArgumentException threeDays = assertThrows(IllegalArgumentException.class,
                () -> FrequencyDetector.infer(new long[] {0, 3, 6, 9, 12}, DAY));
        assertTrue(threeDays.getMessage().contains("3 days") && threeDays.getMessage().contains("freq="), threeDays.getMessage());
        IllegalArgumentException subSecond = assertThrows(IllegalArgumentException.class,
                () -> FrequencyDetector.infer(new long[] {0, 250, 500, 750}, MS));
        assertTrue(subSecond.getMessage().contains("250 ms"), subSecond.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FrequencyDetector.infer(new long[] {5, 3}, TimeEncoding.INTEGER));
    }
}
