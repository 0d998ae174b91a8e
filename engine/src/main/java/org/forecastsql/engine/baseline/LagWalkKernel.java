package org.forecastsql.engine.baseline;

import org.forecastsql.engine.stats.Distributions;

/**
 * Random walks at a lag, with or without drift: the kernel of R's {@code forecast::lagwalk},
 * which backs {@code naive} (lag 1), {@code snaive} (lag m) and {@code rwf(drift = TRUE)}
 * (lag 1 with drift) in forecast 8.x.
 *
 * <p>With lag L and n observations, the point forecast at step h is
 * {@code y[n - L + ((h-1) mod L)] + k·b}, with {@code k = floor((h-1)/L) + 1} full periods ahead
 * and drift {@code b}. Without drift, {@code sigma = sqrt(mean(diff(y, L)^2))} and {@code b = 0};
 * with drift, {@code b = mean(diff(y, L))}, {@code sigma = sd(diff(y, L))} and
 * {@code se(b) = sigma / sqrt(#diffs)}. The forecast standard error is
 * {@code sqrt(sigma^2·k + (k·se(b))^2)}, the intervals {@code f ± qnorm(0.5 + level/200)·se}.
 */
public final class LagWalkKernel {
    private LagWalkKernel() {
    }

    /** Fitted lag-walk parameters. */
    public record Params(int lag, double drift, double driftSe, double sigma) {
    }

    /** Estimates the parameters as {@code lagwalk} does. Needs at least {@code lag + 1} observations. */
    public static Params estimate(double[] y, int lag, boolean withDrift) {
        int n = y.length;
        int nd = n - lag;
        if (nd < 1) {
            throw new IllegalArgumentException("need more than " + lag + " observations, got " + n);
        }
        double sum = 0;
        double sumSq = 0;
        for (int t = lag; t < n; t++) {
            double d = y[t] - y[t - lag];
            sum += d;
            sumSq += d * d;
        }
        if (!withDrift) {
            return new Params(lag, 0, 0, Math.sqrt(sumSq / nd));
        }
        double b = sum / nd;
        double ss = 0;
        for (int t = lag; t < n; t++) {
            double d = y[t] - y[t - lag] - b;
            ss += d * d;
        }
        double sigma = nd > 1 ? Math.sqrt(ss / (nd - 1)) : 0;
        return new Params(lag, b, sigma / Math.sqrt(nd), sigma);
    }

    /** In-sample fitted values {@code y[t - lag] + b}; NaN for the first {@code lag}. */
    public static double[] fitted(double[] y, Params p) {
        double[] f = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            f[t] = t < p.lag() ? Double.NaN : y[t - p.lag()] + p.drift();
        }
        return f;
    }

    /** Point forecasts from the last {@code lag} observations {@code tail}. */
    public static double[] pointForecast(double[] tail, Params p, int h) {
        int lag = p.lag();
        double[] f = new double[h];
        for (int i = 0; i < h; i++) {
            int k = i / lag + 1;
            f[i] = tail[i % lag] + k * p.drift();
        }
        return f;
    }

    /** Forecast standard errors {@code sqrt(sigma^2·k + (k·se(b))^2)}. */
    public static double[] forecastSe(Params p, int h) {
        double[] se = new double[h];
        for (int i = 0; i < h; i++) {
            int k = i / p.lag() + 1;
            double kb = k * p.driftSe();
            se[i] = Math.sqrt(p.sigma() * p.sigma() * k + kb * kb);
        }
        return se;
    }

    /** The normal quantile used for a level in percent. */
    static double z(double level) {
        return Distributions.normalQuantile(0.5 + level / 200);
    }
}
