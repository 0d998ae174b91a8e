package org.forecastsql.engine.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in {@code US} holidays: the eleven federal holidays of 5 U.S.C. 6103 by their rules
 * (fixed dates, n-th or last weekday of a month; Juneteenth from 2021), each also marked on its
 * observed day under the OPM rule (a Saturday holiday is observed on the Friday before, a Sunday
 * holiday on the Monday after), plus Black Friday and Cyber Monday (the Friday and Monday after
 * Thanksgiving), 1978-2099 (the Monday-holiday rules in force since Veterans Day returned to
 * November 11 in 1978). Rule dates agree with R's {@code timeDate} (4022.108) for 2024-2027.
 */
final class UsCalendar {
    static final int FIRST_YEAR = 1978;
    static final int LAST_YEAR = 2099;

    private UsCalendar() {
    }

    static LocalDate thanksgiving(int year) {
        return nth(year, 11, DayOfWeek.THURSDAY, 4);
    }

    static List<Holiday> holidays() {
        List<Holiday> out = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            fixed(out, "us_new_year", LocalDate.of(year, 1, 1));
            if (year >= 1986) {
                out.add(day("us_mlk_day", nth(year, 1, DayOfWeek.MONDAY, 3)));
            }
            out.add(day("us_presidents_day", nth(year, 2, DayOfWeek.MONDAY, 3)));
            out.add(day("us_memorial_day", LocalDate.of(year, 5, 31)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
            if (year >= 2021) {
                fixed(out, "us_juneteenth", LocalDate.of(year, 6, 19));
            }
            fixed(out, "us_independence_day", LocalDate.of(year, 7, 4));
            out.add(day("us_labor_day", nth(year, 9, DayOfWeek.MONDAY, 1)));
            out.add(day("us_columbus_day", nth(year, 10, DayOfWeek.MONDAY, 2)));
            fixed(out, "us_veterans_day", LocalDate.of(year, 11, 11));
            LocalDate thanksgiving = thanksgiving(year);
            out.add(day("us_thanksgiving", thanksgiving));
            out.add(day("us_black_friday", thanksgiving.plusDays(1)));
            out.add(day("us_cyber_monday", thanksgiving.plusDays(4)));
            fixed(out, "us_christmas", LocalDate.of(year, 12, 25));
        }
        return out;
    }

    /** The holiday on its date and, when that is a weekend day, on its observed weekday. */
    private static void fixed(List<Holiday> out, String name, LocalDate date) {
        out.add(day(name, date));
        LocalDate observed = observed(date);
        if (!observed.equals(date)) {
            out.add(day(name, observed));
        }
    }

    static LocalDate observed(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    private static LocalDate nth(int year, int month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    private static Holiday day(String name, LocalDate d) {
        return Holiday.on(name, d.toEpochDay());
    }
}
