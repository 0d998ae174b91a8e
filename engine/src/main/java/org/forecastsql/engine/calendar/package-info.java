/**
 * Holiday calendars as daily feature columns: the built-in {@code CN} calendar (Spring Festival on
 * its lunar dates 2000-2050 with distinct stocking-up and holiday-week effects, Qingming, Labour Day,
 * Dragon Boat, Mid-Autumn, the National Day golden week, the 618 and 11.11 shopping festivals), the
 * built-in {@code US} calendar (federal holidays with observed-day rules, Black Friday, Cyber Monday)
 * and user-defined holiday rows, optionally per series. Imports java.* only.
 */
package org.forecastsql.engine.calendar;
