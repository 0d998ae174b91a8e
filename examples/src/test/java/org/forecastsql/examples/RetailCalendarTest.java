package org.forecastsql.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetailCalendarTest {

    @Test
    void springFestivalIsOnItsLunarNewYearDates() {
        // Chinese New Year's Day as published (factmonster.com table 2000-2030).
        assertEquals(LocalDate.of(2023, 1, 22), RetailCalendar.springFestival(2023));
        assertEquals(LocalDate.of(2024, 2, 10), RetailCalendar.springFestival(2024));
        assertEquals(LocalDate.of(2025, 1, 29), RetailCalendar.springFestival(2025));
        assertEquals(LocalDate.of(2026, 2, 17), RetailCalendar.springFestival(2026));
        assertEquals(LocalDate.of(2020, 1, 25), RetailCalendar.springFestival(2020));
        assertEquals(LocalDate.of(2030, 2, 3), RetailCalendar.springFestival(2030));
        assertThrows(IllegalArgumentException.class, () -> RetailCalendar.springFestival(2031));
    }

    @Test
    void daysAreCountedFromTheNearestFestival() {
        assertEquals(-1, RetailCalendar.daysFromSpringFestival(LocalDate.of(2024, 2, 9)));
        assertEquals(0, RetailCalendar.daysFromSpringFestival(LocalDate.of(2025, 1, 29)));
        assertEquals(-48, RetailCalendar.daysFromSpringFestival(LocalDate.of(2025, 12, 31)));
        assertEquals(30, RetailCalendar.daysFromSpringFestival(LocalDate.of(2026, 3, 19)));
    }

    @Test
    void surgeBeforeDipDuringAndRecoveryAfterTheHolidayWeek() {
        double surge = 0.7;
        double dip = 1.0;
        LocalDate festival = LocalDate.of(2026, 2, 17);
        assertEquals(0.0, RetailCalendar.springFestivalEffect(festival.minusDays(11), surge, dip));
        double previous = 0.0;
        for (int d = -10; d <= -1; d++) {
            double effect = RetailCalendar.springFestivalEffect(festival.plusDays(d), surge, dip);
            assertTrue(effect > previous, "surge rises towards the eve at " + d);
            previous = effect;
        }
        assertEquals(surge, previous, 1e-12);
        assertEquals(-dip, RetailCalendar.springFestivalEffect(festival, surge, dip));
        assertEquals(-0.7 * dip, RetailCalendar.springFestivalEffect(festival.plusDays(6), surge, dip), 1e-12);
        double recovery = RetailCalendar.springFestivalEffect(festival.plusDays(10), surge, dip);
        assertTrue(recovery < 0 && recovery > -0.5 * dip);
        assertEquals(0.0, RetailCalendar.springFestivalEffect(festival.plusDays(14), surge, dip));
    }

    @Test
    void shoppingFestivalsPeakOnTheirDays() {
        assertEquals(1.2, RetailCalendar.shoppingFestivalEffect(LocalDate.of(2025, 11, 11), 1.0), 1e-12);
        assertEquals(0.9, RetailCalendar.shoppingFestivalEffect(LocalDate.of(2025, 6, 18), 1.0), 1e-12);
        assertEquals(0.0, RetailCalendar.shoppingFestivalEffect(LocalDate.of(2025, 7, 18), 1.0), 1e-12);
        assertTrue(RetailCalendar.isShoppingFestivalPeak(LocalDate.of(2024, 11, 10)));
        assertTrue(!RetailCalendar.isShoppingFestivalPeak(LocalDate.of(2024, 11, 12)));
    }

    @Test
    void weekendIsLiftedAndTheWeekSumsToZero() {
        double sum = 0;
        for (DayOfWeek dow : DayOfWeek.values()) {
            sum += RetailCalendar.weeklyEffect(dow, 1.0);
        }
        assertEquals(0.0, sum, 1e-12);
        assertTrue(RetailCalendar.weeklyEffect(DayOfWeek.SATURDAY, 1.0) > RetailCalendar.weeklyEffect(DayOfWeek.TUESDAY, 1.0));
    }
}
