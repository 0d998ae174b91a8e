package org.forecastsql.engine.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.forecastsql.engine.series.Frequency.Unit;
import org.junit.jupiter.api.Test;

/** Calendar arithmetic, checked against java.time (the JDK's proleptic Gregorian calendar). */
class TimeAxisTest {
    private static final TimeEncoding DAY = TimeEncoding.EPOCH_DAY;
    private static final TimeEncoding MS = TimeEncoding.EPOCH_MILLIS;

    private static long d(String iso) {
        return LocalDate.parse(iso).toEpochDay();
    }

    private static long ts(String iso) {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static String date(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    private static String stamp(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC).toString();
    }

    @Test
    void civilCalendarMatchesJavaTime() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long day = rnd.nextLong(-800_000, 3_000_000);
            LocalDate ref = LocalDate.ofEpochDay(day);
            long p = TimeAxis.civil(day);
            assertEquals(ref.getYear() * 12L + ref.getMonthValue() - 1, TimeAxis.monthIndexOf(p), ref.toString());
            assertEquals(ref.getDayOfMonth(), TimeAxis.dayOf(p), ref.toString());
            assertEquals(ref.lengthOfMonth(), TimeAxis.lengthOfMonth(TimeAxis.monthIndexOf(p)), ref.toString());
            assertEquals(day, TimeAxis.epochDayOf(TimeAxis.monthIndexOf(p), TimeAxis.dayOf(p)));
        }
    }

    @Test
    void monthlyAdvanceMatchesJavaTimePlusMonthsOnAnchoredDays() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 50_000; i++) {
            LocalDate start = LocalDate.of(rnd.nextInt(1600, 2500), rnd.nextInt(1, 13), rnd.nextInt(1, 29));
            long k = rnd.nextLong(-500, 500);
            TimeAxis.Anchor a = new TimeAxis.Anchor(start.getDayOfMonth());
            assertEquals(start.plusMonths(k), LocalDate.ofEpochDay(TimeAxis.advance(start.toEpochDay(), k, Frequency.MONTHLY, DAY, a)));
            if (start.getDayOfMonth() < 28) {
                assertEquals(start.plusMonths(k), LocalDate.ofEpochDay(TimeAxis.advance(start.toEpochDay(), k, Frequency.MONTHLY, DAY)));
            }
        }
    }

    @Test
    void monthEndContinuesWithMonthEnds() {
        long jan31 = d("2024-01-31");
        assertEquals("2024-02-29", date(TimeAxis.advance(jan31, 1, Frequency.MONTHLY, DAY)));
        assertEquals("2024-03-31", date(TimeAxis.advance(jan31, 2, Frequency.MONTHLY, DAY)));
        assertEquals("2024-04-30", date(TimeAxis.advance(jan31, 3, Frequency.MONTHLY, DAY)));
        assertEquals("2023-02-28", date(TimeAxis.advance(d("2023-01-31"), 1, Frequency.MONTHLY, DAY)));
        // Anchored at a month end, Feb 29 goes on to Mar 31 (not Mar 29).
        long feb29 = d("2024-02-29");
        assertEquals(TimeAxis.Anchor.MONTH_END, TimeAxis.anchorOf(feb29, DAY));
        assertEquals("2024-03-31", date(TimeAxis.advance(feb29, 1, Frequency.MONTHLY, DAY)));
        assertEquals("2024-01-31", date(TimeAxis.advance(feb29, -1, Frequency.MONTHLY, DAY)));
        // A series on the 30th keeps the 30th after February.
        TimeAxis.Anchor on30 = new TimeAxis.Anchor(30);
        assertEquals("2024-02-29", date(TimeAxis.advance(d("2024-01-30"), 1, Frequency.MONTHLY, DAY, on30)));
        assertEquals("2024-03-30", date(TimeAxis.advance(d("2024-02-29"), 1, Frequency.MONTHLY, DAY, on30)));
    }

    @Test
    void anchorOfSeriesRowsTellsMonthEndFromThe28th() {
        long[] ends = {d("2023-02-28"), d("2023-03-31"), d("2023-04-30")};
        assertEquals(TimeAxis.Anchor.MONTH_END, TimeAxis.anchorOf(ends, null, 0, 3, DAY));
        long[] on28 = {d("2023-03-28"), d("2023-02-28"), d("2023-04-28")};
        assertEquals(new TimeAxis.Anchor(28), TimeAxis.anchorOf(on28, null, 0, 3, DAY));
        long[] on15 = {d("2023-03-15"), d("2023-01-15")};
        assertEquals(new TimeAxis.Anchor(15), TimeAxis.anchorOf(on15, null, 0, 2, DAY));
        assertEquals(TimeAxis.Anchor.MONTH_END, TimeAxis.anchorOf(new long[] {d("2024-02-29")}, null, 0, 1, DAY));
        int[] rows = {2, 0};
        long[] mixed = {d("2023-03-31"), 0, d("2023-04-30")};
        assertEquals(TimeAxis.Anchor.MONTH_END, TimeAxis.anchorOf(mixed, rows, 0, 2, DAY));
    }

    @Test
    void leapYears() {
        assertEquals("2024-02-29", date(TimeAxis.advance(d("2024-02-28"), 1, Frequency.DAILY, DAY)));
        assertEquals("2023-03-01", date(TimeAxis.advance(d("2023-02-28"), 1, Frequency.DAILY, DAY)));
        assertEquals("2025-02-28", date(TimeAxis.advance(d("2024-02-29"), 1, Frequency.YEARLY, DAY)));
        assertEquals("2028-02-29", date(TimeAxis.advance(d("2024-02-29"), 4, Frequency.YEARLY, DAY)));
        assertEquals("2100-02-28", date(TimeAxis.advance(d("2096-02-29"), 4, Frequency.YEARLY, DAY)));
        assertEquals("2000-02-29", date(TimeAxis.advance(d("1996-02-29"), 4, Frequency.YEARLY, DAY)));
        assertEquals("2024-02-29", date(TimeAxis.advance(d("2024-01-31"), 1, Frequency.MONTHLY, DAY)));
        assertEquals(366, TimeAxis.advance(d("2024-01-01"), 1, Frequency.YEARLY, DAY) - d("2024-01-01"));
    }

    @Test
    void quarterlyAndYearly() {
        assertEquals("2024-04-01", date(TimeAxis.advance(d("2024-01-01"), 1, Frequency.QUARTERLY, DAY)));
        assertEquals("2025-01-01", date(TimeAxis.advance(d("2024-01-01"), 4, Frequency.QUARTERLY, DAY)));
        assertEquals("2023-10-01", date(TimeAxis.advance(d("2024-01-01"), -1, Frequency.QUARTERLY, DAY)));
        // Quarter ends: Mar 31, Jun 30, Sep 30, Dec 31.
        long q1 = d("2024-03-31");
        assertEquals("2024-06-30", date(TimeAxis.advance(q1, 1, Frequency.QUARTERLY, DAY)));
        assertEquals("2024-09-30", date(TimeAxis.advance(q1, 2, Frequency.QUARTERLY, DAY)));
        assertEquals("2024-12-31", date(TimeAxis.advance(q1, 3, Frequency.QUARTERLY, DAY)));
        assertEquals("2030-07-01", date(TimeAxis.advance(d("2020-07-01"), 10, Frequency.YEARLY, DAY)));
        assertEquals("2024-07-01", date(TimeAxis.advance(d("2024-01-01"), 1, new Frequency(Unit.MONTH, 6), DAY)));
        assertEquals("2024-01-15", date(TimeAxis.advance(d("2023-12-18"), 4, Frequency.WEEKLY, DAY)));
    }

    @Test
    void hourlyCrossesDayAndYearBoundaries() {
        assertEquals("2024-03-01T01:00", stamp(TimeAxis.advance(ts("2024-02-29T23:00:00"), 2, Frequency.HOURLY, MS)));
        assertEquals("2025-01-01T00:00", stamp(TimeAxis.advance(ts("2024-12-31T23:00:00"), 1, Frequency.HOURLY, MS)));
        assertEquals("2024-12-31T23:00", stamp(TimeAxis.advance(ts("2025-01-01T00:00:00"), -1, Frequency.HOURLY, MS)));
        // Wall clock read as UTC: no daylight-saving gap on the last Sunday of March.
        assertEquals("2024-03-31T03:00", stamp(TimeAxis.advance(ts("2024-03-31T01:00:00"), 2, Frequency.HOURLY, MS)));
        assertEquals("2024-01-01T00:45", stamp(TimeAxis.advance(ts("2023-12-31T23:30:00"), 5, new Frequency(Unit.MINUTE, 15), MS)));
    }

    @Test
    void monthlyTimestampsKeepTheTimeOfDay() {
        long t = ts("2024-01-31T09:30:00");
        assertEquals("2024-02-29T09:30", stamp(TimeAxis.advance(t, 1, Frequency.MONTHLY, MS)));
        assertEquals("2024-04-30T09:30", stamp(TimeAxis.advance(t, 3, Frequency.MONTHLY, MS)));
        assertEquals("2023-12-31T09:30", stamp(TimeAxis.advance(t, -1, Frequency.MONTHLY, MS)));
        long before1970 = ts("1969-12-31T18:00:00");
        assertEquals("1970-01-31T18:00", stamp(TimeAxis.advance(before1970, 1, Frequency.MONTHLY, MS)));
    }

    @Test
    void integerPeriods() {
        assertEquals(2030, TimeAxis.advance(2020, 10, Frequency.steps(1), TimeEncoding.INTEGER));
        assertEquals(36, TimeAxis.advance(0, 12, Frequency.steps(3), TimeEncoding.INTEGER));
        assertThrows(IllegalArgumentException.class, () -> TimeAxis.advance(0, 1, Frequency.MONTHLY, TimeEncoding.INTEGER));
        assertThrows(IllegalArgumentException.class, () -> TimeAxis.advance(0, 1, Frequency.HOURLY, DAY));
    }

    @Test
    void indexMapsGridTimesAndRejectsOthers() {
        long start = d("2023-01-31");
        TimeAxis.Anchor end = TimeAxis.Anchor.MONTH_END;
        assertEquals(0, TimeAxis.index(start, start, Frequency.MONTHLY, DAY, end));
        assertEquals(1, TimeAxis.index(start, d("2023-02-28"), Frequency.MONTHLY, DAY, end));
        assertEquals(13, TimeAxis.index(start, d("2024-02-29"), Frequency.MONTHLY, DAY, end));
        assertEquals(-1, TimeAxis.index(start, d("2023-02-27"), Frequency.MONTHLY, DAY, end));
        assertEquals(-1, TimeAxis.index(start, d("2022-12-31"), Frequency.MONTHLY, DAY, end));
        assertEquals(-1, TimeAxis.index(start, d("2023-03-31"), Frequency.QUARTERLY, DAY, end));
        assertEquals(1, TimeAxis.index(start, d("2023-04-30"), Frequency.QUARTERLY, DAY, end));
        assertEquals(3, TimeAxis.index(d("2024-01-01"), d("2024-01-22"), Frequency.WEEKLY, DAY, end));
        assertEquals(-1, TimeAxis.index(d("2024-01-01"), d("2024-01-23"), Frequency.WEEKLY, DAY, end));
        assertEquals(25, TimeAxis.index(ts("2024-01-01T00:00:00"), ts("2024-01-02T01:00:00"), Frequency.HOURLY, MS, end));
        assertEquals(-1, TimeAxis.index(ts("2024-01-01T00:00:00"), ts("2024-01-02T01:00:01"), Frequency.HOURLY, MS, end));
        assertEquals(-1, TimeAxis.index(ts("2024-01-31T09:00:00"), ts("2024-02-29T10:00:00"), Frequency.MONTHLY, MS, end));
        assertEquals(1, TimeAxis.index(ts("2024-01-31T09:00:00"), ts("2024-02-29T09:00:00"), Frequency.MONTHLY, MS, end));
        // index inverts advance.
        SplittableRandom rnd = new SplittableRandom(3);
        for (Frequency f : new Frequency[] {Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY, Frequency.WEEKLY, Frequency.DAILY}) {
            for (int i = 0; i < 2000; i++) {
                long s = rnd.nextLong(-20_000, 40_000);
                TimeAxis.Anchor a = TimeAxis.anchorOf(s, DAY);
                long k = rnd.nextLong(0, 400);
                assertEquals(k, TimeAxis.index(s, TimeAxis.advance(s, k, f, DAY, a), f, DAY, a), f + " from " + date(s));
            }
        }
    }

    @Test
    void startOfUnit() {
        assertEquals(d("2024-02-01"), TimeAxis.startOfUnit(d("2024-02-29"), Frequency.MONTHLY, DAY));
        assertEquals(d("2024-02-01"), TimeAxis.startOfUnit(d("2024-02-29"), Frequency.QUARTERLY, DAY));
        assertEquals(d("2024-02-29"), TimeAxis.startOfUnit(d("2024-02-29"), Frequency.WEEKLY, DAY));
        assertEquals(ts("2024-02-29T00:00:00"), TimeAxis.startOfUnit(ts("2024-02-29T13:45:10"), Frequency.DAILY, MS));
        assertEquals(ts("2024-02-29T13:00:00"), TimeAxis.startOfUnit(ts("2024-02-29T13:45:10"), Frequency.HOURLY, MS));
        assertEquals(ts("2024-02-29T13:45:00"), TimeAxis.startOfUnit(ts("2024-02-29T13:45:10"), new Frequency(Unit.MINUTE, 15), MS));
        assertEquals(ts("2024-02-01T00:00:00"), TimeAxis.startOfUnit(ts("2024-02-29T13:45:10"), Frequency.MONTHLY, MS));
        assertEquals(ts("1969-12-31T00:00:00"), TimeAxis.startOfUnit(ts("1969-12-31T13:45:10"), Frequency.DAILY, MS));
        assertEquals(17, TimeAxis.startOfUnit(17, Frequency.steps(5), TimeEncoding.INTEGER));
    }

    @Test
    void periodsBetweenCountsWholePeriods() {
        assertEquals(1, TimeAxis.periodsBetween(d("2024-01-31"), d("2024-02-29"), Frequency.MONTHLY, DAY));
        assertEquals(0, TimeAxis.periodsBetween(d("2024-01-15"), d("2024-02-14"), Frequency.MONTHLY, DAY));
        assertEquals(1, TimeAxis.periodsBetween(d("2024-01-15"), d("2024-02-15"), Frequency.MONTHLY, DAY));
        assertEquals(-1, TimeAxis.periodsBetween(d("2024-02-15"), d("2024-01-20"), Frequency.MONTHLY, DAY));
        assertEquals(4, TimeAxis.periodsBetween(d("2020-02-29"), d("2024-02-29"), Frequency.YEARLY, DAY));
        assertEquals(52, TimeAxis.periodsBetween(d("2024-01-01"), d("2024-12-31"), Frequency.WEEKLY, DAY));
        assertEquals(-2, TimeAxis.periodsBetween(ts("2024-01-01T10:00:00"), ts("2024-01-01T08:30:00"), Frequency.HOURLY, MS));
        assertEquals(7, TimeAxis.periodsBetween(3, 24, Frequency.steps(3), TimeEncoding.INTEGER));
        assertTrue(TimeAxis.periodsBetween(d("1900-01-01"), d("2100-01-01"), Frequency.QUARTERLY, DAY) == 800);
    }
}
