package org.forecastsql.engine.theta;

import org.forecastsql.engine.ets.AutoEts;
import org.forecastsql.engine.ets.ClassicalDecomposition;
import org.forecastsql.engine.ets.EtsFit;
import org.forecastsql.engine.stats.Distributions;

/**
 * The standard Theta method (Assimakopoulos and Nikolopoulos 2000, in the form of Hyndman and
 * Billah 2003), exactly as R forecast 8.x {@code thetaf}:
 * <ol>
 *   <li>seasonality test (m > 1, n > 2m, series not constant): with r_k the sample ACF,
 *       seasonal when {@code |r_m| / sqrt((1 + 2·Σ_{k<m} r_k²)/n) > qnorm(0.95)};</li>
 *   <li>if seasonal, divide by the multiplicative classical decomposition's seasonal
 *       component (unless an index is below 1e-4);</li>
 *   <li>{@code ses} (ETS(A,N,N), α and ℓ0 by in-sample MSE) on the adjusted series; the drift
 *       {@code b} is half the least-squares slope of the adjusted series on 0..n−1;</li>
 *   <li>forecast {@code ℓ_n + b·(h − 1 + (1 − (1 − α)^n)/α)}, reseasonalised with the last
 *       m seasonal indices;</li>
 *   <li>intervals {@code ± qnorm(0.5 + level/200)·σ·sqrt((h − 1)α² + 1)} with σ² the ses
 *       model's variance (on the adjusted scale, as thetaf does).</li>
 * </ol>
 */
public final class ThetaKernel {
    private ThetaKernel() {
    }

    /**
     * The fitted quantities thetaf forecasts from.
     *
     * @param level    last level of the ses fit
     * @param drift    half the slope of the linear trend
     * @param alpha    ses smoothing parameter (at least 1e-10)
     * @param n        series length
     * @param seasonal the last m seasonal indices (empty when not seasonal)
     * @param sigma2   ses residual variance
     * @param fitted   in-sample one-step fitted values (reseasonalised)
     */
    public record Params(double level, double drift, double alpha, int n, double[] seasonal, double sigma2,
                         double[] fitted) {
    }

    /** Whether thetaf's 90% test finds seasonality at lag m. */
    public static boolean seasonalityTest(double[] x, int m) {
        int n = x.length;
        if (m <= 1 || n <= 2 * m || isConstant(x)) {
            return false;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double c0 = 0;
        for (double v : x) {
            c0 += (v - mean) * (v - mean);
        }
        double[] r = new double[m + 1];
        for (int k = 1; k <= m; k++) {
            double c = 0;
            for (int t = 0; t + k < n; t++) {
                c += (x[t] - mean) * (x[t + k] - mean);
            }
            r[k] = c / c0;
        }
        double s = 0;
        for (int k = 1; k < m; k++) {
            s += r[k] * r[k];
        }
        double stat = Math.sqrt((1 + 2 * s) / n);
        return Math.abs(r[m]) / stat > Distributions.normalQuantile(0.95);
    }

    static boolean isConstant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    /** Fits thetaf to a series with season length m. */
    public static Params thetaf(double[] y, int m) {
        int n = y.length;
        double[] x = y;
        double[] seasonal = null;
        if (seasonalityTest(y, m)) {
            double[] s = ClassicalDecomposition.seasonal(y, m, true);
            boolean nearZero = false;
            for (double v : s) {
                if (Math.abs(v) < 1e-4) {
                    nearZero = true;
                    break;
                }
            }
            if (!nearZero) {
                seasonal = s;
                x = new double[n];
                for (int t = 0; t < n; t++) {
                    x[t] = y[t] / s[t];
                }
            }
        }
        EtsFit ses = AutoEts.ses(x);
        double drift = ClassicalDecomposition.lineFit(x, n, 0)[1] / 2;
        double alpha = Math.max(1e-10, ses.alpha());
        double[] fitted = ses.fitted().clone();
        double[] tail = new double[0];
        if (seasonal != null) {
            for (int t = 0; t < n; t++) {
                fitted[t] *= seasonal[t];
            }
            tail = java.util.Arrays.copyOfRange(seasonal, n - m, n);
        }
        return new Params(ses.lastState()[0], drift, alpha, n, tail, ses.sigma2(), fitted);
    }

    /** Point forecasts for steps 1..h. */
    public static double[] pointForecast(Params p, int h) {
        double[] f = new double[h];
        double a = p.alpha();
        double k = (1 - Math.pow(1 - a, p.n())) / a;
        for (int i = 0; i < h; i++) {
            f[i] = p.level() + p.drift() * (i + k);
            if (p.seasonal().length > 0) {
                f[i] *= p.seasonal()[i % p.seasonal().length];
            }
        }
        return f;
    }

    /** Forecast standard errors {@code σ·sqrt(i·α² + 1)}, i = 0..h−1. */
    public static double[] forecastSe(Params p, int h) {
        double[] se = new double[h];
        double sigma = Math.sqrt(p.sigma2());
        for (int i = 0; i < h; i++) {
            se[i] = sigma * Math.sqrt(i * p.alpha() * p.alpha() + 1);
        }
        return se;
    }
}
