package org.forecastsql.engine.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.junit.jupiter.api.Test;

class FeatureBuilderTest {
    private static final double[] X = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};

    @Test
    void rollingStatisticsMatchPandas() {
        // pandas 1.5.3: Series.rolling(3, min_periods=1).mean()/.std() (NaN -> 0)/.min()/.max()
        double[] mean3 = {3.0, 2.0, 2.6666666667, 2.0, 3.3333333333, 5.0, 5.3333333333, 5.6666666667,
            4.3333333333, 4.6666666667, 4.3333333333, 5.3333333333};
        double[] sd3 = {0.0, 1.4142135624, 1.5275252317, 1.7320508076, 2.0816659995, 4.0, 3.5118845843,
            3.5118845843, 2.0816659995, 1.5275252317, 1.1547005384, 2.5166114784};
        double[] sd5 = {0.0, 1.4142135624, 1.5275252317, 1.5, 1.788854382, 3.3166247904, 3.1144823005,
            3.2093613072, 2.5099800796, 2.7386127875, 1.6431676725, 1.8165902125};
        double[] min5 = {3, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3};
        double[] max3 = {3, 3, 4, 4, 5, 9, 9, 9, 6, 6, 5, 8};
        double[] m3 = RollingStatistics.rollingMean(X, 3);
        assertArrayEquals(mean3, m3, 1e-9);
        assertArrayEquals(sd3, RollingStatistics.rollingSd(X, 3, m3), 1e-9);
        assertArrayEquals(sd5, RollingStatistics.rollingSd(X, 5, RollingStatistics.rollingMean(X, 5)), 1e-9);
        assertArrayEquals(min5, RollingStatistics.rollingExtreme(X, 5, false), 0);
        assertArrayEquals(max3, RollingStatistics.rollingExtreme(X, 3, true), 0);
    }

    private static long[] days(String first, int n) {
        long d0 = LocalDate.parse(first).toEpochDay();
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = d0 + i;
        }
        return t;
    }

    private static double[] noisy(int n, long seed, double level) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.round(level * (1 + 0.3 * Math.sin(2 * Math.PI * i / 7)) * (0.8 + 0.4 * r.nextDouble()));
        }
        return y;
    }


    @Test
    void futureTargetsNeverChangeEarlierOrigins() {
        FeatureSpec spec = FeatureSpec.daily(28, HolidayCalendar.builtIn("CN"), List.of("price"), Set.of("price"));
        FeatureBuilder b = new FeatureBuilder(spec);
        int n = 200;
        long[] t = days("2025-01-01", n);
        double[] y = noisy(n, 1, 50);
        double[][] cov = {noisy(n, 2, 10)};
        PreparedSeries original = b.prepare(new SeriesFrame("a", t, y, cov));
        int origin = 120;
        double[] changed = y.clone();
        Random r = new Random(3);
        for (int i = origin + 1; i < n; i++) {
            changed[i] = 1000 * r.nextDouble();
        }
        PreparedSeries altered = b.prepare(new SeriesFrame("a", t, changed, cov));
        double[] a = new double[b.width()];
        double[] c = new double[b.width()];
        for (int o = b.minOrigin(); o <= origin; o++) {
            for (int k = 1; k <= 28 && o + k < n; k++) {
                b.row(original, o, k, a);
                b.row(altered, o, k, c);
                assertArrayEquals(a, c, 0.0, "origin " + o + " step " + k);
            }
        }
        // ...while a later origin does see the change.
        b.row(original, origin + 5, 1, a);
        b.row(altered, origin + 5, 1, c);
        assertNotEquals(a[b.names().indexOf("last")], c[b.names().indexOf("last")]);
    }

    @Test
    void scaledFeaturesAreTheSameForSmallAndLargeSeries() {
        FeatureBuilder b = new FeatureBuilder(FeatureSpec.daily(14, HolidayCalendar.none(), List.of(), Set.of()));
        int n = 100;
        long[] t = days("2024-03-01", n);
        double[] small = noisy(n, 7, 2);
        double[] large = small.clone();
        for (int i = 0; i < n; i++) {
            large[i] *= 1000;
        }
        PreparedSeries ps = b.prepare(new SeriesFrame("s", t, small, null));
        PreparedSeries pl = b.prepare(new SeriesFrame("l", t, large, null));
        double[] rs = new double[b.width()];
        double[] rl = new double[b.width()];
        int level = b.names().indexOf("level");
        for (int o = b.minOrigin(); o < n - 14; o += 5) {
            b.row(ps, o, 3, rs);
            b.row(pl, o, 3, rl);
            assertEquals(Math.log(1000), rl[level] - rs[level], 1e-9);
            for (int j = 0; j < rs.length; j++) {
                if (j != level && !b.names().get(j).startsWith("sd_")) {
                    assertEquals(rs[j], rl[j], 1e-9, b.names().get(j));
                }
            }
            assertEquals(1000 * ps.scale(o), pl.scale(o), 1e-6);
        }
    }

    @Test
    void calendarAndHolidayColumnsOnKnownDates() {
        FeatureBuilder b = new FeatureBuilder(FeatureSpec.daily(7, HolidayCalendar.builtIn("US")
                .plus(HolidayCalendar.builtIn("CN")), List.of(), Set.of()));
        long[] t = days("2025-08-01", 131);
        PreparedSeries p = b.prepare(new SeriesFrame("x", t, noisy(121, 5, 20), null));
        // 2025-11-27: a Thursday, Thanksgiving; origin 2025-11-24 + 3 days.
        int origin = (int) (LocalDate.parse("2025-11-24").toEpochDay() - t[0]);
        double[] row = new double[b.width()];
        b.row(p, origin, 3, row);
        assertEquals(1.0, row[b.names().indexOf("dow_4")]);
        assertEquals(0.0, row[b.names().indexOf("dow_5")]);
        assertEquals(1.0, row[b.names().indexOf("month_11")]);
        assertEquals(1.0, row[b.names().indexOf("us_thanksgiving")]);
        assertEquals(0.0, row[b.names().indexOf("us_black_friday")]);
        assertEquals(1.0, row[b.names().indexOf("quarter")]);
        assertEquals(26 / 30.0, row[b.names().indexOf("day_of_month")], 1e-12);
        assertEquals(0.0, row[b.names().indexOf("weekend")]);
        b.row(p, origin, 6, row); // 2025-11-30, Sunday, month end
        assertEquals(1.0, row[b.names().indexOf("weekend")]);
        assertEquals(1.0, row[b.names().indexOf("month_end")]);
        assertEquals(1.0, row[b.names().indexOf("dow_7")]);
        assertEquals(0.0, row[b.names().indexOf("us_black_friday")]);
        b.row(p, origin, 7, row); // 2025-12-01: Cyber Monday, month start, ISO week 49
        assertEquals(1.0, row[b.names().indexOf("us_cyber_monday")]);
        assertEquals(1.0, row[b.names().indexOf("month_start")]);
        assertEquals(48 / 52.0, row[b.names().indexOf("week_of_year")], 1e-12);
    }

    @Test
    void isoWeekMatchesJavaTime() {
        for (long d = LocalDate.parse("1999-12-20").toEpochDay(); d < LocalDate.parse("2031-01-10").toEpochDay(); d++) {
            LocalDate date = LocalDate.ofEpochDay(d);
            assertEquals(date.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                    FeatureBuilder.isoWeek(date, date.getDayOfWeek().getValue()), date.toString());
        }
    }

    @Test
    void subDailyHourAndSeasonLag() {
        FeatureSpec spec = new FeatureSpec(24, 24, new int[] {24, 168}, HolidayCalendar.none(), List.of(), Set.of(),
                true, TimeKind.EPOCH_MILLIS);
        FeatureBuilder b = new FeatureBuilder(spec);
        int n = 400;
        long start = LocalDateTime.parse("2026-01-05T00:00").toInstant(ZoneOffset.UTC).toEpochMilli();
        long[] t = new long[n + 24];
        double[] y = new double[n];
        for (int i = 0; i < t.length; i++) {
            t[i] = start + i * 3_600_000L;
            if (i < n) {
                y[i] = 10 + (i % 24);
            }
        }
        PreparedSeries p = b.prepare(new SeriesFrame("h", t, y, null));
        double[] row = new double[b.width()];
        b.row(p, n - 1, 15, row); // target index n + 14 = 414, hour 414 mod 24 = 6
        assertEquals(1.0, row[b.names().indexOf("hour_6")]);
        assertEquals(0.0, row[b.names().indexOf("hour_7")]);
        // same hour yesterday: y = 16
        assertEquals(Math.log1p(16 / p.scale(n - 1)), row[b.names().indexOf("season_lag")], 1e-12);
    }

    @Test
    void relativePriceAgainstRecentAverage() {
        FeatureBuilder b = new FeatureBuilder(FeatureSpec.daily(7, HolidayCalendar.none(), List.of("price", "promo"),
                Set.of("price")));
        int n = 100;
        double[] price = new double[n + 7];
        double[] promo = new double[n + 7];
        java.util.Arrays.fill(price, 10);
        price[n + 2] = 8;
        promo[n + 2] = 1;
        PreparedSeries p = b.prepare(new SeriesFrame("p", days("2025-01-01", n + 7), noisy(n, 9, 30),
                new double[][] {price, promo}));
        double[] row = new double[b.width()];
        b.row(p, n - 1, 3, row);
        assertEquals(Math.log(0.8), row[b.names().indexOf("rel_price")], 1e-12);
        assertEquals(Math.log1p(1), row[b.names().indexOf("cov_promo")], 1e-12);
        b.row(p, n - 1, 2, row);
        assertEquals(0.0, row[b.names().indexOf("rel_price")], 1e-12);
        assertEquals(0.0, row[b.names().indexOf("cov_promo")], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> b.row(p, n - 1, 8, new double[b.width()]));
        assertThrows(IllegalArgumentException.class, () -> b.row(p, 3, 1, new double[b.width()]));
    }
}
