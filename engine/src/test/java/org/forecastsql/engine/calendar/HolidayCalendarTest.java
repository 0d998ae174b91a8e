package org.forecastsql.engine.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {
    private static final HolidayCalendar CN = HolidayCalendar.builtIn("CN");
    private static final HolidayCalendar US = HolidayCalendar.builtIn("us");

    private static long d(String iso) {
        return LocalDate.parse(iso).toEpochDay();
    }

    private static List<String> cn(String iso) {
        return CN.active(d(iso), null);
    }

    private static List<String> us(String iso) {
        return US.active(d(iso), null);
    }

    @Test
    void springFestivalOnItsLunarDates() {
        // Published Spring Festival dates (Hong Kong Observatory).
        assertEquals(LocalDate.parse("2024-02-10"), ChineseCalendar.springFestival(2024));
        assertEquals(LocalDate.parse("2025-01-29"), ChineseCalendar.springFestival(2025));
        assertEquals(LocalDate.parse("2026-02-17"), ChineseCalendar.springFestival(2026));
        assertEquals(LocalDate.parse("2000-02-05"), ChineseCalendar.springFestival(2000));
        assertEquals(LocalDate.parse("2050-01-23"), ChineseCalendar.springFestival(2050));
        for (String sf : new String[] {"2024-02-10", "2025-01-29", "2026-02-17"}) {
            long day = d(sf);
            assertEquals(List.of("cn_spring_festival_week"), CN.active(day, null), sf);
            assertEquals(List.of("cn_spring_festival_week"), CN.active(day - 1, null), "eve of " + sf);
            assertEquals(List.of("cn_spring_festival_week"), CN.active(day + 6, null));
            assertEquals(List.of(), CN.active(day + 7, null));
            assertEquals(List.of("cn_spring_festival_pre"), CN.active(day - 2, null));
            assertEquals(List.of("cn_spring_festival_pre"), CN.active(day - 15, null));
            assertEquals(List.of(), CN.active(day - 16, null));
        }
        // A second source: the factmonster.com table of Chinese New Year dates (2020-2030) that the
        // examples module's RetailCalendar carries.
        String[] factmonster = {"2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29",
            "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03"};
        for (int y = 2020; y <= 2030; y++) {
            assertEquals(LocalDate.parse(factmonster[y - 2020]), ChineseCalendar.springFestival(y));
        }
        assertThrows(IllegalArgumentException.class, () -> ChineseCalendar.springFestival(2051));
    }

    @Test
    void otherChineseHolidays() {
        assertEquals(List.of("cn_qingming"), cn("2024-04-04"));
        assertEquals(List.of("cn_qingming"), cn("2023-04-05"));
        assertEquals(List.of("cn_qingming"), cn("2025-04-04"));
        assertEquals(List.of("cn_labour_day"), cn("2025-05-01"));
        assertEquals(List.of("cn_labour_day"), cn("2025-05-05"));
        assertEquals(List.of(), cn("2025-05-06"));
        assertEquals(List.of("cn_dragon_boat"), cn("2024-06-10"));
        assertEquals(List.of("cn_dragon_boat"), cn("2025-05-31"));
        assertEquals(List.of("cn_mid_autumn"), cn("2024-09-17"));
        // 2025: Mid-Autumn (lunar 8/15) falls inside the golden week.
        assertEquals(List.of("cn_mid_autumn", "cn_national_day"), cn("2025-10-06").stream().sorted().toList());
        assertEquals(List.of("cn_national_day"), cn("2024-10-07"));
        assertEquals(List.of(), cn("2024-10-08"));
        assertEquals(List.of("cn_shopping_618"), cn("2024-06-18"));
        assertEquals(List.of("cn_singles_day"), cn("2024-11-11"));
        assertEquals(List.of("cn_new_year"), cn("2024-01-01"));
    }

    @Test
    void usFederalHolidaysAgreeWithRTimeDate() {
        // R 4.2.2, timeDate 4022.108: holiday(2024:2027, "US...").
        String[][] golden = {
            {"us_mlk_day", "2024-01-15", "2025-01-20", "2026-01-19", "2027-01-18"},
            {"us_presidents_day", "2024-02-19", "2025-02-17", "2026-02-16", "2027-02-15"},
            {"us_memorial_day", "2024-05-27", "2025-05-26", "2026-05-25", "2027-05-31"},
            {"us_labor_day", "2024-09-02", "2025-09-01", "2026-09-07", "2027-09-06"},
            {"us_columbus_day", "2024-10-14", "2025-10-13", "2026-10-12", "2027-10-11"},
            {"us_thanksgiving", "2024-11-28", "2025-11-27", "2026-11-26", "2027-11-25"},
            {"us_juneteenth", "2024-06-19", "2025-06-19", "2026-06-19", "2027-06-19"},
            {"us_independence_day", "2024-07-04", "2025-07-04", "2026-07-04", "2027-07-04"},
            {"us_veterans_day", "2024-11-11", "2025-11-11", "2026-11-11", "2027-11-11"},
            {"us_christmas", "2024-12-25", "2025-12-25", "2026-12-25", "2027-12-25"},
            {"us_new_year", "2024-01-01", "2025-01-01", "2026-01-01", "2027-01-01"}};
        for (String[] row : golden) {
            for (int i = 1; i < row.length; i++) {
                assertTrue(us(row[i]).contains(row[0]), row[0] + " on " + row[i]);
            }
        }
        assertEquals(List.of("us_thanksgiving"), us("2025-11-27"));
        assertEquals(List.of("us_black_friday"), us("2025-11-28"));
        assertEquals(List.of("us_cyber_monday"), us("2025-12-01"));
        assertFalse(US.active(d("2020-06-19"), null).contains("us_juneteenth"), "Juneteenth is federal from 2021");
    }

    @Test
    void usObservedDays() {
        // OPM federal holiday schedules: Saturday holidays are observed on Friday, Sunday ones on Monday.
        assertEquals(List.of("us_independence_day"), us("2026-07-03"));
        assertEquals(List.of("us_juneteenth"), us("2027-06-18"));
        assertEquals(List.of("us_christmas"), us("2027-12-24"));
        assertEquals(List.of("us_new_year"), us("2021-12-31"));
        assertEquals(List.of("us_independence_day"), us("2021-07-05"));
        assertEquals(List.of(), us("2025-07-03"));
    }

    @Test
    void windowsAreSeparateColumns() {
        HolidayCalendar c = CN.withWindows(2, 1);
        assertEquals(List.of("cn_national_day_before"), c.active(d("2024-09-29"), null));
        assertEquals(List.of("cn_national_day_before"), c.active(d("2024-09-30"), null));
        assertEquals(List.of("cn_national_day"), c.active(d("2024-10-01"), null));
        assertEquals(List.of("cn_national_day_after"), c.active(d("2024-10-08"), null));
        assertEquals(List.of(), c.active(d("2024-10-09"), null));
        assertEquals(3 * CN.width(), c.width());
    }

    @Test
    void userRowsPerSeriesAndFeatureMatrix() {
        HolidayCalendar user = HolidayCalendar.of(List.of(
                HolidayCalendar.row(LocalDate.parse("2025-03-08"), "store_anniversary", "shop-1"),
                HolidayCalendar.row(LocalDate.parse("2025-03-15"), "clearance", null)));
        HolidayCalendar both = CN.plus(user);
        long[] days = {d("2025-03-08"), d("2025-03-15"), d("2025-01-29")};
        int anniversary = both.columns().indexOf("store_anniversary");
        int clearance = both.columns().indexOf("clearance");
        int week = both.columns().indexOf("cn_spring_festival_week");
        double[][] mine = both.features(days, "shop-1");
        double[][] other = both.features(days, "shop-2");
        assertEquals(1.0, mine[0][anniversary]);
        assertEquals(0.0, other[0][anniversary]);
        assertEquals(1.0, other[1][clearance]);
        assertEquals(1.0, mine[2][week]);
        assertEquals(1.0, java.util.Arrays.stream(mine[2]).sum());
        assertThrows(IllegalArgumentException.class, () -> HolidayCalendar.builtIn("FR"));
    }

    @Test
    void roundTripsThroughBytes() throws IOException {
        HolidayCalendar c = CN.plus(HolidayCalendar.of(List.of(
                HolidayCalendar.row(LocalDate.parse("2025-03-08"), "x", "k")))).withWindows(3, 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.write(new DataOutputStream(bytes));
        HolidayCalendar back = HolidayCalendar.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(c.columns(), back.columns());
        long[] days = {d("2025-01-20"), d("2025-03-08"), d("2025-10-09")};
        for (int i = 0; i < days.length; i++) {
            assertArrayEquals(c.features(days, "k")[i], back.features(days, "k")[i]);
        }
    }
}
