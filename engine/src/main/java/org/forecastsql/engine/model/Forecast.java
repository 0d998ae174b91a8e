package org.forecastsql.engine.model;

/**
 * Point forecasts and prediction intervals for {@code h} periods.
 *
 * @param mean   point forecasts, length h
 * @param levels interval levels in percent (e.g. 80, 95), ascending
 * @param lower  {@code lower[i][t]}: lower bound of level {@code levels[i]} at step t
 * @param upper  {@code upper[i][t]}: upper bound of level {@code levels[i]} at step t
 */
public record Forecast(double[] mean, double[] levels, double[][] lower, double[][] upper) {

    public int horizon() {
        return mean.length;
    }

    /**
     * Symmetric normal intervals {@code mean ± z(level) * sd[t]}, the form R's {@code forecast}
     * package uses for most models.
     */
    public static Forecast normal(double[] mean, double[] sd, double[] levels) {
        int h = mean.length;
        double[][] lo = new double[levels.length][h];
        double[][] hi = new double[levels.length][h];
        for (int i = 0; i < levels.length; i++) {
            double z = org.forecastsql.engine.stats.Distributions.normalQuantile(0.5 + levels[i] / 200.0);
            for (int t = 0; t < h; t++) {
                lo[i][t] = mean[t] - z * sd[t];
                hi[i][t] = mean[t] + z * sd[t];
            }
        }
        return new Forecast(mean, levels, lo, hi);
    }

    /** This forecast with every value below {@code bound} raised to it. */
    public Forecast clippedBelow(double bound) {
        return new Forecast(clip(mean, bound), levels, clip(lower, bound), clip(upper, bound));
    }

    private static double[] clip(double[] v, double bound) {
        double[] r = v.clone();
        for (int t = 0; t < r.length; t++) {
            if (r[t] < bound) {
                r[t] = bound;
            }
        }
        return r;
    }

    private static double[][] clip(double[][] v, double bound) {
        double[][] r = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            r[i] = clip(v[i], bound);
        }
        return r;
    }
}
