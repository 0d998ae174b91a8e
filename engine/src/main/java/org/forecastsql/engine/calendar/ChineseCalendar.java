package org.forecastsql.engine.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in {@code CN} holidays, 2000-2050.
 *
 * <p>Lunar festivals are tables, not computed: the Gregorian dates of lunar 1/1 (Spring Festival),
 * 5/5 (Dragon Boat) and 8/15 (Mid-Autumn) follow the Hong Kong Observatory's Gregorian-Lunar
 * calendar conversion tables, as encoded in the year table of the {@code lunar} program (Fung F. Lee
 * and Ricky Yeung; used by Python's {@code lunardate}); they were checked against the published
 * dates 2024-02-10, 2025-01-29, 2026-02-17 (Spring Festival), 2024-06-10 (Dragon Boat) and
 * 2024-09-17, 2025-10-06 (Mid-Autumn). Qingming is the solar term at 15 degrees of solar longitude,
 * given for 2000-2099 by the standard approximation
 * {@code day = floor(0.2422 Y + 4.81) - floor(Y / 4)} of April, {@code Y = year mod 100}.
 *
 * <p>The Spring Festival is two distinct effects: {@code cn_spring_festival_pre}, the stocking-up
 * fortnight before New Year's Eve (sales rise), and {@code cn_spring_festival_week}, New Year's Eve
 * and the seven days after it (shops and logistics stop, sales fall).
 */
final class ChineseCalendar {
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2050;

    /** Days of stocking up before New Year's Eve. */
    static final int SPRING_FESTIVAL_PRE_DAYS = 14;

    private static final String[] SPRING_FESTIVAL = {
        "2000-02-05", "2001-01-24", "2002-02-12", "2003-02-01", "2004-01-22", "2005-02-09",
        "2006-01-29", "2007-02-18", "2008-02-07", "2009-01-26", "2010-02-14", "2011-02-03",
        "2012-01-23", "2013-02-10", "2014-01-31", "2015-02-19", "2016-02-08", "2017-01-28",
        "2018-02-16", "2019-02-05", "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22",
        "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13",
        "2030-02-03", "2031-01-23", "2032-02-11", "2033-01-31", "2034-02-19", "2035-02-08",
        "2036-01-28", "2037-02-15", "2038-02-04", "2039-01-24", "2040-02-12", "2041-02-01",
        "2042-01-22", "2043-02-10", "2044-01-30", "2045-02-17", "2046-02-06", "2047-01-26",
        "2048-02-14", "2049-02-02", "2050-01-23"};

    private static final String[] DRAGON_BOAT = {
        "2000-06-06", "2001-06-25", "2002-06-15", "2003-06-04", "2004-06-22", "2005-06-11",
        "2006-05-31", "2007-06-19", "2008-06-08", "2009-05-28", "2010-06-16", "2011-06-06",
        "2012-06-23", "2013-06-12", "2014-06-02", "2015-06-20", "2016-06-09", "2017-05-30",
        "2018-06-18", "2019-06-07", "2020-06-25", "2021-06-14", "2022-06-03", "2023-06-22",
        "2024-06-10", "2025-05-31", "2026-06-19", "2027-06-09", "2028-05-28", "2029-06-16",
        "2030-06-05", "2031-06-24", "2032-06-12", "2033-06-01", "2034-06-20", "2035-06-10",
        "2036-05-30", "2037-06-18", "2038-06-07", "2039-05-27", "2040-06-14", "2041-06-03",
        "2042-06-22", "2043-06-11", "2044-05-31", "2045-06-19", "2046-06-08", "2047-05-29",
        "2048-06-15", "2049-06-04", "2050-06-23"};

    private static final String[] MID_AUTUMN = {
        "2000-09-12", "2001-10-01", "2002-09-21", "2003-09-11", "2004-09-28", "2005-09-18",
        "2006-10-06", "2007-09-25", "2008-09-14", "2009-10-03", "2010-09-22", "2011-09-12",
        "2012-09-30", "2013-09-19", "2014-09-08", "2015-09-27", "2016-09-15", "2017-10-04",
        "2018-09-24", "2019-09-13", "2020-10-01", "2021-09-21", "2022-09-10", "2023-09-29",
        "2024-09-17", "2025-10-06", "2026-09-25", "2027-09-15", "2028-10-03", "2029-09-22",
        "2030-09-12", "2031-10-01", "2032-09-19", "2033-09-08", "2034-09-27", "2035-09-16",
        "2036-10-04", "2037-09-24", "2038-09-13", "2039-10-02", "2040-09-20", "2041-09-10",
        "2042-09-28", "2043-09-17", "2044-10-05", "2045-09-25", "2046-09-15", "2047-10-04",
        "2048-09-22", "2049-09-11", "2050-09-30"};

    private ChineseCalendar() {
    }

    /** Gregorian date of the Spring Festival (lunar 1/1) of {@code year}, 2000-2050. */
    static LocalDate springFestival(int year) {
        return LocalDate.parse(SPRING_FESTIVAL[index(year)]);
    }

    /** Qingming (the solar term), April 4 or 5 in 2000-2050. */
    static LocalDate qingming(int year) {
        int y = year % 100;
        return LocalDate.of(year, 4, (int) Math.floor(0.2422 * y + 4.81) - y / 4);
    }

    static List<Holiday> holidays() {
        List<Holiday> out = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            long sf = springFestival(year).toEpochDay();
            long eve = sf - 1;
            out.add(new Holiday("cn_spring_festival_pre", eve - SPRING_FESTIVAL_PRE_DAYS, eve - 1, null));
            out.add(new Holiday("cn_spring_festival_week", eve, sf + 6, null));
            out.add(day("cn_new_year", LocalDate.of(year, 1, 1)));
            out.add(day("cn_qingming", qingming(year)));
            out.add(span("cn_labour_day", LocalDate.of(year, 5, 1), 5));
            out.add(day("cn_dragon_boat", LocalDate.parse(DRAGON_BOAT[index(year)])));
            out.add(day("cn_mid_autumn", LocalDate.parse(MID_AUTUMN[index(year)])));
            out.add(span("cn_national_day", LocalDate.of(year, 10, 1), 7));
            out.add(day("cn_shopping_618", LocalDate.of(year, 6, 18)));
            out.add(day("cn_singles_day", LocalDate.of(year, 11, 11)));
        }
        return out;
    }

    private static int index(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("the CN calendar covers " + FIRST_YEAR + "-" + LAST_YEAR
                    + "; got year " + year);
        }
        return year - FIRST_YEAR;
    }

    private static Holiday day(String name, LocalDate d) {
        return Holiday.on(name, d.toEpochDay());
    }

    private static Holiday span(String name, LocalDate first, int days) {
        return new Holiday(name, first.toEpochDay(), first.toEpochDay() + days - 1, null);
    }
}
