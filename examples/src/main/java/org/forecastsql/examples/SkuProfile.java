package org.forecastsql.examples;

import java.util.SplittableRandom;

/**
 * The demand parameters of one SKU, shared by every store that sells it.
 *
 * @param level             mean units per day at the reference price in a store of factor 1
 * @param referenceCents    regular price at the start, in cents
 * @param elasticity        price elasticity of demand (negative): demand scales by (p/p0)^e
 * @param trendPerYear      log growth of demand per year
 * @param weeklyAmplitude   scale of the weekly profile (weekend lift)
 * @param yearlyAmplitude   log amplitude of the yearly cycle
 * @param yearlyPeakDay     day of year where the yearly cycle peaks
 * @param festivalSurge     log lift on the eve of the Spring Festival
 * @param festivalDip       log drop during the Spring Festival holiday week
 * @param shoppingSensitivity scale of the 618 and 11.11 effects
 * @param promoLift         log lift of a promotion on top of its price cut
 * @param promoRate         daily probability that a promotion starts outside festivals
 * @param dispersion        negative-binomial size r (smaller: noisier, more zero days)
 * @param viewsPerUnit      page views per unit of demand
 */
record SkuProfile(double level, long referenceCents, double elasticity, double trendPerYear,
                  double weeklyAmplitude, double yearlyAmplitude, int yearlyPeakDay,
                  double festivalSurge, double festivalDip, double shoppingSensitivity,
                  double promoLift, double promoRate, double dispersion, double viewsPerUnit) {

    /** Lowest and highest mean daily units across the SKU range. */
    static final double MIN_LEVEL = 0.3;
    static final double MAX_LEVEL = 500.0;

    /**
     * Draws SKU {@code index} of {@code count}: levels are stratified on a log scale from
     * {@value #MIN_LEVEL} to {@value #MAX_LEVEL} units per day (so the bottom fifth are slow movers
     * under ~1.3 a day and the top SKU sells hundreds); slow movers are more overdispersed.
     * Prices fall loosely with volume (about 13 to 800 yuan).
     */
    static SkuProfile draw(SplittableRandom rng, int index, int count) {
        double u = count == 1 ? 0.5 : (index + rng.nextDouble()) / count;
        double logLevel = Math.log(MIN_LEVEL) + u * (Math.log(MAX_LEVEL) - Math.log(MIN_LEVEL));
        double level = Math.exp(logLevel);
        double priceYuan = Math.exp(Math.log(400.0) - 0.55 * logLevel + 0.5 * CountSampler.normal(rng));
        long cents = Math.max(99L, Math.round(Math.max(1.0, priceYuan) * 10.0) * 10L - 1L);
        double dispersion = level < 2.0 ? uniform(rng, 0.8, 3.0) : uniform(rng, 15.0, 60.0);
        return new SkuProfile(
                level,
                cents,
                uniform(rng, -2.2, -0.6),
                uniform(rng, -0.15, 0.25),
                uniform(rng, 0.5, 1.6),
                uniform(rng, 0.03, 0.35),
                rng.nextInt(365),
                uniform(rng, 0.5, 1.1),
                uniform(rng, 0.6, 1.4),
                uniform(rng, 0.4, 1.5),
                uniform(rng, 0.15, 0.5),
                uniform(rng, 1.0 / 90.0, 1.0 / 30.0),
                dispersion,
                uniform(rng, 15.0, 60.0));
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
