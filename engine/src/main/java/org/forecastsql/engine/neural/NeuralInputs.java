package org.forecastsql.engine.neural;

import org.forecastsql.engine.features.FeatureBuilder;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.PreparedSeries;

/**
 * The network's input row of a (series, origin {@code o}, step {@code k}) triple and its target.
 *
 * <p>Row: the last {@code L} values up to the origin, {@code log1p(max(y, 0) / s_o)} (or
 * {@code y / s_o} without the log; periods before the start repeat the first value), then the
 * {@link FeatureBuilder} row of target period {@code o + k} (step, level, rolling statistics,
 * seasonal lags, calendar, holidays, covariates). Target {@code z = log1p(max(y_t, 0) / s_o)}
 * (or {@code y_t / s_o}); a forecast maps back through {@code s_o expm1(max(z, 0))} (resp.
 * {@code s_o z}), monotone, so quantiles of {@code z} map to quantiles of {@code y}.
 * Thread-safe except {@link #row}'s scratch, which callers pass.
 */
final class NeuralInputs {
    /** Quantiles the network emits, the median among them. */
    static final double[] QUANTILES = {0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975};
    static final int MEDIAN = 4;

    final FeatureSpec spec;
    final FeatureBuilder builder;
    final int lookback;

    NeuralInputs(FeatureSpec spec, int lookback) {
        this.spec = spec;
        this.builder = new FeatureBuilder(spec);
        this.lookback = lookback > 0 ? lookback : autoLookback(spec);
    }

    static int autoLookback(FeatureSpec spec) {
        int longest = 0;
        for (int w : spec.windows()) {
            longest = Math.max(longest, w);
        }
        return Math.max(longest, 2 * spec.season());
    }

    int width() {
        return lookback + builder.width();
    }

    /** The first origin with every feature defined. */
    int minOrigin() {
        return builder.minOrigin();
    }

    /** Periods of a series' tail that determine every input at its last origin. */
    int historyNeeded() {
        return Math.max(builder.historyNeeded(), lookback);
    }

    /**
     * Fills {@code out[0..width())} with the inputs of target {@code origin + step}.
     *
     * @param scratch {@code builder.width()} doubles
     */
    void row(PreparedSeries p, int origin, int step, double[] out, double[] scratch) {
        double[] y = p.frame().values();
        double s = p.scale(origin);
        for (int j = 0; j < lookback; j++) {
            int t = origin - lookback + 1 + j;
            out[j] = transform(y[Math.max(t, 0)], s);
        }
        builder.row(p, origin, step, scratch);
        System.arraycopy(scratch, 0, out, lookback, scratch.length);
    }

    double transform(double y, double s) {
        return spec.logTarget() ? Math.log1p(Math.max(y, 0) / s) : y / s;
    }

    double inverse(double z, double s) {
        return spec.logTarget() ? s * Math.expm1(Math.max(z, 0)) : s * z;
    }

    /**
     * The quantile at probability {@code p} from the sorted network outputs {@code q} on
     * {@link #QUANTILES}: linear in {@code p} between grid points, clamped to the outermost ones.
     */
    static double quantile(double[] q, double p) {
        double[] g = QUANTILES;
        if (p <= g[0]) {
            return q[0];
        }
        for (int i = 1; i < g.length; i++) {
            if (p <= g[i]) {
                double w = (p - g[i - 1]) / (g[i] - g[i - 1]);
                return q[i - 1] + w * (q[i] - q[i - 1]);
            }
        }
        return q[g.length - 1];
    }
}
