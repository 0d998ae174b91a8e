package org.forecastsql.engine.regression;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.forecastsql.engine.calendar.HolidayCalendar;

/**
 * Retail-like daily unit sales for tests and the bench (seeded, reproducible): per SKU a level
 * from 2 to 2,000 a day (log-uniform), a weekly profile (weekend uplift plus SKU noise), a yearly
 * wave, a Spring Festival stocking-up fortnight (x1.8) and holiday week (x0.3), 618 (x1.6), 11.11
 * (x2.2), the golden week (x0.8), promotions (3-day runs on ~4% of days: price -20%, sales x1.7)
 * and gamma(30)-Poisson noise (the examples simulator uses negative-binomial sizes 15-60). Covariates: {@code price}, {@code promo}.
 */
public final class RetailGenerator {
    /** One SKU's full history: times (epoch days), units, price, promo, and the noise-free expected units. */
    public record Sku(String key, long[] times, double[] units, double[] price, double[] promo, double[] expected) {
        /** The history before the last {@code holdout} days, with price and promo as covariates. */
        public org.forecastsql.engine.features.SeriesFrame history(int holdout) {
            int n = units.length - holdout;
            return new org.forecastsql.engine.features.SeriesFrame(key, java.util.Arrays.copyOf(times, n),
                    java.util.Arrays.copyOf(units, n),
                    new double[][] {java.util.Arrays.copyOf(price, n), java.util.Arrays.copyOf(promo, n)});
        }

        /** Price and promo over the last {@code holdout} days (the plan a forecast is given). */
        public double[][] plan(int holdout) {
            int n = units.length - holdout;
            return new double[][] {java.util.Arrays.copyOfRange(price, n, n + holdout),
                java.util.Arrays.copyOfRange(promo, n, n + holdout)};
        }

        /** The last {@code holdout} days' time stamps. */
        public long[] lastTimes(int holdout) {
            int n = units.length - holdout;
            return java.util.Arrays.copyOfRange(times, n, n + holdout);
        }

        /** Every series' history before the last {@code holdout} days. */
        public static java.util.List<org.forecastsql.engine.features.SeriesFrame> histories(java.util.List<Sku> skus,
                                                                                           int holdout) {
            return skus.stream().map(s -> s.history(holdout)).toList();
        }

    }

    private static final double SHAPE = 30;

    private RetailGenerator() {
    }

    public static List<Sku> generate(int skus, LocalDate last, int days, long seed) {
        HolidayCalendar cn = HolidayCalendar.builtIn("CN");
        long first = last.toEpochDay() - days + 1;
        double[][] effect = new double[days][];
        List<String> cols = cn.columns();
        int pre = cols.indexOf("cn_spring_festival_pre");
        int week = cols.indexOf("cn_spring_festival_week");
        int s618 = cols.indexOf("cn_shopping_618");
        int s1111 = cols.indexOf("cn_singles_day");
        int golden = cols.indexOf("cn_national_day");
        double[] mult = new double[days];
        for (int t = 0; t < days; t++) {
            double[] row = new double[cn.width()];
            cn.fill(first + t, null, row, 0);
            effect[t] = row;
            mult[t] = (row[pre] > 0 ? 1.8 : 1) * (row[week] > 0 ? 0.3 : 1) * (row[s618] > 0 ? 1.6 : 1)
                    * (row[s1111] > 0 ? 2.2 : 1) * (row[golden] > 0 ? 0.8 : 1);
        }
        Random rnd = new Random(seed);
        List<Sku> out = new ArrayList<>(skus);
        for (int i = 0; i < skus; i++) {
            double level = Math.exp(Math.log(2) + rnd.nextDouble() * Math.log(1000));
            double[] weekly = new double[7];
            for (int d = 0; d < 7; d++) {
                weekly[d] = Math.max(0.2, (d >= 5 ? 1.3 : 1.0) + 0.1 * rnd.nextGaussian());
            }
            double phase = 2 * Math.PI * rnd.nextDouble();
            double basePrice = 5 + 95 * rnd.nextDouble();
            long[] times = new long[days];
            double[] units = new double[days];
            double[] price = new double[days];
            double[] promo = new double[days];
            double[] expected = new double[days];
            int promoLeft = 0;
            double drift = 0;
            for (int t = 0; t < days; t++) {
                times[t] = first + t;
                if (promoLeft == 0 && rnd.nextDouble() < 0.013) {
                    promoLeft = 3;
                }
                promo[t] = promoLeft > 0 ? 1 : 0;
                promoLeft = Math.max(0, promoLeft - 1);
                price[t] = basePrice * (promo[t] > 0 ? 0.8 : 1.0);
                drift = 0.995 * drift + 0.01 * rnd.nextGaussian();
                int dow = Math.floorMod(times[t] + 3, 7);
                double mean = level * weekly[dow] * (1 + 0.15 * Math.sin(2 * Math.PI * t / 365.25 + phase))
                        * mult[t] * (promo[t] > 0 ? 1.7 : 1.0) * Math.exp(drift);
                expected[t] = mean;
                units[t] = poisson(rnd, mean * gamma30(rnd));
            }
            out.add(new Sku("sku-" + i, times, units, price, promo, expected));
        }
        return out;
    }

    /** Gamma(shape 30, scale 1/30): mean 1, sd 0.18, the examples' mid dispersion (Marsaglia-Tsang). */
    private static double gamma30(Random rnd) {
        double d = SHAPE - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rnd.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(rnd.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v / SHAPE;
            }
        }
    }

    private static double poisson(Random rnd, double mean) {
        if (mean > 40) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
