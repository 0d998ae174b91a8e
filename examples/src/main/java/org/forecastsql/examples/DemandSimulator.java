package org.forecastsql.examples;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Simulates the daily sales of one SKU in one store.
 *
 * <p>Expected demand on day t is
 * {@code lambda_t = level * store * exp(trend t/365 + weekly + yearly + springFestival + 618/11.11
 * + promoLift * promo_t + elasticity * ln(price_t / price_0))}, with
 * {@code yearly = A cos(2 pi (dayOfYear - peak) / 365.25)}. Realised demand is
 * {@code mu_t = lambda_t G_t}, {@code G_t ~ Gamma(r, 1/r)}, and units are Poisson(mu_t): a
 * negative binomial with variance {@code lambda + lambda^2/r}, so slow movers have many zero days.
 * Page views on day t are Poisson({@code viewsPerUnit (0.65 mu_{t+1} + 0.35 mu_{t+2}) + 5}): they
 * lead sales by one to two days. Regular prices change now and then; promotions are random windows
 * of 3 to 10 days (and likely on the 618 and 11.11 peaks) that cut the price by 10 to 30 percent.
 * Stockouts are runs of 3 to 14 zero-sales days inside the history although demand (and page
 * views) went on; the holdout has none.
 */
final class DemandSimulator {

    private DemandSimulator() {
    }

    /**
     * One simulated series over the options' history and holdout days; {@code expected} is
     * lambda_t, the mean demand before the day's noise (an oracle forecast, for benchmarks).
     */
    record Series(int[] units, long[] priceCents, int[] promo, int[] pageViews, double[] expected,
                  int stockoutDays) {
    }

    /**
     * Simulates {@code options.totalDays()} days starting on {@code options.firstDay()}.
     *
     * @param sku        the SKU's demand parameters
     * @param storeScale the store's demand multiplier
     * @param rng        this series' own random stream
     */
    static Series simulate(SkuProfile sku, double storeScale, SplittableRandom rng, RetailOptions options) {
        int days = options.totalDays();
        LocalDate first = options.firstDay();
        long[] regular = regularPrices(sku, rng, days);
        long[] price = new long[days];
        int[] promo = new int[days];
        promotions(sku, rng, first, regular, price, promo);

        int extended = days + 2;
        double[] mu = new double[extended];
        double[] expected = new double[days];
        double base = sku.level() * storeScale;
        for (int t = 0; t < extended; t++) {
            LocalDate day = first.plusDays(t);
            int clamped = Math.min(t, days - 1);
            double log = sku.trendPerYear() * t / 365.0
                    + RetailCalendar.weeklyEffect(day.getDayOfWeek(), sku.weeklyAmplitude())
                    + sku.yearlyAmplitude() * Math.cos(2 * Math.PI * (day.getDayOfYear() - sku.yearlyPeakDay()) / 365.25)
                    + RetailCalendar.springFestivalEffect(day, sku.festivalSurge(), sku.festivalDip())
                    + RetailCalendar.shoppingFestivalEffect(day, sku.shoppingSensitivity())
                    + sku.promoLift() * promo[clamped]
                    + sku.elasticity() * Math.log((double) price[clamped] / sku.referenceCents());
            double lambda = base * Math.exp(log);
            if (t < days) {
                expected[t] = lambda;
            }
            mu[t] = lambda * CountSampler.gamma(rng, sku.dispersion()) / sku.dispersion();
        }

        int[] units = new int[days];
        int[] views = new int[days];
        for (int t = 0; t < days; t++) {
            units[t] = CountSampler.poisson(rng, mu[t]);
            double leading = 0.65 * mu[t + 1] + 0.35 * mu[t + 2];
            views[t] = CountSampler.poisson(rng, sku.viewsPerUnit() * leading + 5.0);
        }
        int stockoutDays = stockouts(rng, base, options.historyDays(), units);
        return new Series(units, price, promo, views, expected, stockoutDays);
    }

    /** Regular prices: a change of -12..+12 percent with probability 1/200 a day, kept in 0.7..1.4 of the start. */
    private static long[] regularPrices(SkuProfile sku, SplittableRandom rng, int days) {
        long[] regular = new long[days];
        double start = sku.referenceCents() * SkuProfile.uniform(rng, 0.97, 1.04);
        double current = start;
        for (int t = 0; t < days; t++) {
            if (rng.nextInt(200) == 0) {
                double next = current * SkuProfile.uniform(rng, 0.88, 1.12);
                current = Math.max(0.7 * start, Math.min(1.4 * start, next));
            }
            regular[t] = retailPrice(current);
        }
        return regular;
    }

    /** Fills promo flags and selling prices: regular price outside promotions, discounted inside. */
    private static void promotions(SkuProfile sku, SplittableRandom rng, LocalDate first,
                                   long[] regular, long[] price, int[] promo) {
        int t = 0;
        while (t < regular.length) {
            LocalDate day = first.plusDays(t);
            boolean festival = RetailCalendar.isShoppingFestivalPeak(day);
            boolean start = festival ? rng.nextDouble() < 0.6 : rng.nextDouble() < sku.promoRate();
            if (!start) {
                price[t] = regular[t];
                t++;
                continue;
            }
            int length = festival ? 2 + rng.nextInt(3) : 3 + rng.nextInt(8);
            double discount = 0.05 * (2 + rng.nextInt(5));
            for (int end = Math.min(regular.length, t + length); t < end; t++) {
                promo[t] = 1;
                price[t] = retailPrice(regular[t] * (1.0 - discount));
            }
        }
    }

    /**
     * Zeroes one or two runs of 3..14 days in the history of 40 percent of the series selling at
     * least 2 a day: the shelf was empty although shoppers came. Returns the number of days zeroed.
     */
    private static int stockouts(SplittableRandom rng, double base, int historyDays, int[] units) {
        if (base < 2.0 || historyDays < 120 || rng.nextDouble() >= 0.4) {
            return 0;
        }
        int runs = 1 + rng.nextInt(2);
        int zeroed = 0;
        for (int r = 0; r < runs; r++) {
            int length = 3 + rng.nextInt(12);
            int start = 60 + rng.nextInt(historyDays - 100);
            for (int t = start; t < start + length; t++) {
                if (units[t] != 0) {
                    units[t] = 0;
                    zeroed++;
                }
            }
        }
        return zeroed;
    }

    /** A shelf price in cents ending in 9 (12.99, 3.49): rounded to 10 cents, minus one cent. */
    static long retailPrice(double cents) {
        return Math.max(9L, Math.round(cents / 10.0) * 10L - 1L);
    }
}
