package org.forecastsql.examples;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;

/**
 * The calendar effects of the simulated Chinese e-commerce demand, as additive terms on the log of
 * the expected daily units: the Spring Festival (lunar new year, a moving date) with a stocking-up
 * surge in the ten days before and a dip during the holiday week while logistics stop, the 618 and
 * 11.11 shopping festivals, and a weekly profile with a weekend lift.
 *
 * <p>Spring Festival dates are the first day of the first lunar month (Chinese New Year's Day) for
 * 2020 to 2030, checked against the published table of Chinese New Year dates
 * (factmonster.com, "Chinese New Year Dates", 2000-2030).
 */
final class RetailCalendar {

    /** Chinese New Year's Day, 2020..2030 (index = year - 2020). */
    private static final LocalDate[] SPRING_FESTIVAL = {
        LocalDate.of(2020, 1, 25), LocalDate.of(2021, 2, 12), LocalDate.of(2022, 2, 1),
        LocalDate.of(2023, 1, 22), LocalDate.of(2024, 2, 10), LocalDate.of(2025, 1, 29),
        LocalDate.of(2026, 2, 17), LocalDate.of(2027, 2, 6), LocalDate.of(2028, 1, 26),
        LocalDate.of(2029, 2, 13), LocalDate.of(2030, 2, 3),
    };

    /** First and last year with a known Spring Festival date. */
    static final int FIRST_YEAR = 2020;
    static final int LAST_YEAR = 2030;

    /** Days of stocking up before the festival. */
    static final int SURGE_DAYS = 10;
    /** Length of the holiday week (day 0 = New Year's Day). */
    static final int HOLIDAY_DAYS = 7;
    /** Days after the holiday week over which demand recovers. */
    static final int RECOVERY_DAYS = 7;

    /** Log effect by day of week, Monday first; mean zero: Friday to Sunday lift, midweek lull. */
    private static final double[] WEEKLY = {-0.10, -0.13, -0.09, -0.05, 0.06, 0.18, 0.13};

    private RetailCalendar() {
    }

    /**
     * The Spring Festival (Chinese New Year's Day) of a Gregorian year.
     *
     * @throws IllegalArgumentException outside 2020..2030, the range of the table
     */
    static LocalDate springFestival(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Spring Festival dates are tabulated for "
                    + FIRST_YEAR + ".." + LAST_YEAR + ", got " + year);
        }
        return SPRING_FESTIVAL[year - FIRST_YEAR];
    }

    /**
     * Days from the nearest Spring Festival to {@code day} (negative before it), taking the
     * festivals of the day's year and the next one (late-December days precede next year's).
     */
    static long daysFromSpringFestival(LocalDate day) {
        int year = Math.max(FIRST_YEAR, Math.min(LAST_YEAR, day.getYear()));
        long offset = ChronoUnit.DAYS.between(springFestival(year), day);
        if (offset > 180 && year < LAST_YEAR) {
            offset = ChronoUnit.DAYS.between(springFestival(year + 1), day);
        }
        return offset;
    }

    /**
     * Log effect of the Spring Festival on demand: {@code surge * ((11 + d) / 10)^1.5} on the ten
     * days before ({@code d = -10..-1}, rising to the eve), {@code -dip} in the holiday week
     * ({@code d = 0..6}, a little softer on its last two days), then a linear recovery over seven
     * days; zero elsewhere.
     *
     * @param day   the date
     * @param surge log lift on the eve (e.g. 0.7 for about x2)
     * @param dip   log drop in the holiday week (e.g. 1.0 for about x0.37)
     */
    static double springFestivalEffect(LocalDate day, double surge, double dip) {
        long d = daysFromSpringFestival(day);
        if (d >= -SURGE_DAYS && d < 0) {
            return surge * Math.pow((SURGE_DAYS + 1 + d) / (double) SURGE_DAYS, 1.5);
        }
        if (d >= 0 && d < HOLIDAY_DAYS) {
            return d < HOLIDAY_DAYS - 2 ? -dip : -0.7 * dip;
        }
        if (d >= HOLIDAY_DAYS && d < HOLIDAY_DAYS + RECOVERY_DAYS) {
            return -0.5 * dip * (HOLIDAY_DAYS + RECOVERY_DAYS - d) / RECOVERY_DAYS;
        }
        return 0.0;
    }

    /**
     * Log effect of the online shopping festivals, scaled by {@code sensitivity}: 11.11 (+1.2 on
     * the day, +0.4 the day before, +0.3 the day after, a -0.08 wait in November 1..9) and 618
     * (+0.9 on June 18, +0.3 on June 17, +0.08 over the June 1..16 pre-sales).
     */
    static double shoppingFestivalEffect(LocalDate day, double sensitivity) {
        int dom = day.getDayOfMonth();
        double effect = 0.0;
        if (day.getMonth() == Month.NOVEMBER) {
            effect = switch (dom) {
                case 10 -> 0.4;
                case 11 -> 1.2;
                case 12 -> 0.3;
                default -> dom < 10 ? -0.08 : 0.0;
            };
        } else if (day.getMonth() == Month.JUNE) {
            effect = switch (dom) {
                case 17 -> 0.3;
                case 18 -> 0.9;
                default -> dom < 17 ? 0.08 : 0.0;
            };
        }
        return effect * sensitivity;
    }

    /** True on the days where a shopping festival makes a promotion likely (11.10-11.11, 6.17-6.18). */
    static boolean isShoppingFestivalPeak(LocalDate day) {
        int dom = day.getDayOfMonth();
        return (day.getMonth() == Month.NOVEMBER && (dom == 10 || dom == 11))
                || (day.getMonth() == Month.JUNE && (dom == 17 || dom == 18));
    }

    /** Log effect of the day of week (weekend lift), scaled by {@code amplitude}. */
    static double weeklyEffect(DayOfWeek dow, double amplitude) {
        return WEEKLY[dow.getValue() - 1] * amplitude;
    }
}
