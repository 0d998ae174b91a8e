package org.forecastsql.engine.series;

import java.util.Arrays;

/**
 * Detects a series' season length among candidates with the autocorrelation test of the M4
 * benchmarks ({@code SeasonalityTest} in the M4 "Benchmarks.R") and {@code forecast::thetaf}.
 *
 * <p>For a candidate {@code m} the test uses the sample ACF {@code r} ({@link #acf}) and Bartlett's
 * standard error under a moving average of order {@code m-1}:
 * <pre>  limit = 1.645 · sqrt((1 + 2·Σ_{k=1}^{m-1} r_k²) / n)</pre>
 * Two deliberate differences from the reference, measured by {@code bench.SeasonDetectionBench}
 * (generated series with a known answer, and M4's Naive2 on the 2184 M3 monthly and quarterly series):
 * <ul>
 *   <li>The ACF is not taken on the raw series but, per series, on its first differences when
 *       they vary less than the residuals from a least-squares line, and on those residuals
 *       otherwise ({@link Transform#AUTO}, the variate-difference heuristic). On the raw series a
 *       trend or a random walk makes every lag's autocorrelation large, so the reference calls
 *       every generated daily random walk and every trending noise series seasonal (0% correct;
 *       95% with AUTO), and a smooth yearly wave shows up as a spurious weekly season. Always
 *       differencing fixes that but loses sharp patterns (a 10-day holiday surge each year: found
 *       in 14% of 3-year daily series instead of 100%). AUTO keeps both: mean hit rate over the 16
 *       generated scenarios 80.6% (raw 70.3%, detrended 73.4%, differenced 75.9%); M3 Naive2 sMAPE
 *       monthly 16.81 / quarterly 9.94 against the reference's 16.76 / 10.03.</li>
 *   <li>The test is one-sided ({@code r_m > limit}) where M4 uses {@code |r_m|}: a season shows as
 *       a positive autocorrelation at its own lag, and the one-sided test halves false positives on
 *       noise (about 5% per candidate instead of 10%).</li>
 * </ul>
 * A smooth yearly wave in daily data is not found by this test at all (its limit grows with every
 * lag's autocorrelation below 365): with weekly and yearly patterns, 7 wins.
 * {@code detectAll(y, c, Transform.RAW, false)} is the reference test itself (it gives R's decision
 * on all 2184 M3 monthly and quarterly series).
 * A candidate needs {@code n >= 3m} observations (the M4 rule, on the series before differencing;
 * {@code thetaf} asks {@code n > 2m}); {@code n} in the limit is the length of the series tested.
 * Among the significant candidates the one with the largest {@code r_m} wins; none → 1. A constant
 * series → 1. Stateless and thread-safe.
 */
public final class SeasonDetector {
    /** The critical value as M4's Benchmarks.R writes it ({@code thetaf} uses {@code qnorm(0.95) = 1.64485}). */
    static final double CRITICAL = 1.645;
    /** Minimum number of full seasons a candidate needs. */
    static final int MIN_SEASONS = 3;

    /** What the ACF is computed on; {@link #AUTO} is the default, {@link #RAW} the M4/thetaf reference. */
    public enum Transform {
        /** The series as it is (the M4 and thetaf reference). */
        RAW,
        /** Residuals of a least-squares line on time. */
        DETREND,
        /** First differences. */
        DIFF,
        /**
         * First differences when they have less variance than the detrended residuals (the
         * series wanders: random walk, smooth waves), else the detrended residuals (stationary
         * around a line: noise, spikes, sharp patterns); the variate-difference heuristic. The default.
         */
        AUTO
    }

    private SeasonDetector() {
    }

    /**
     * The season length among {@code candidates}, or 1 when none is significant, the series is
     * constant (or an exact straight line), or too short for every candidate. NaNs are
     * interpolated first ({@link #interpolateMissing} on a copy); an all-NaN series gives 1.
     */
    public static int detect(double[] y, int[] candidates) {
        int[] all = detectAll(y, candidates);
        return all.length == 0 ? 1 : all[0];
    }

    /** All significant candidates, strongest (largest autocorrelation at its lag) first; empty when none. */
    public static int[] detectAll(double[] y, int[] candidates) {
        return detectAll(y, candidates, Transform.AUTO, true);
    }

    /**
     * The test with its two choices open, to compare them ({@code bench.SeasonDetectionBench}):
     * {@code detectAll(y, c, Transform.RAW, false)} is exactly the M4 {@code SeasonalityTest} per candidate.
     *
     * @param oneSided {@code r_m > limit} when true, {@code |r_m| > limit} (M4, thetaf) when false
     */
    public static int[] detectAll(double[] y, int[] candidates, Transform transform, boolean oneSided) {
        double[] z = prepare(y, transform);
        if (z == null) {
            return new int[0];
        }
        int n = z.length;
        int maxLag = 0;
        for (int m : candidates) {
            if (m > 1 && (long) MIN_SEASONS * m <= y.length) {
                maxLag = Math.max(maxLag, m);
            }
        }
        if (maxLag == 0) {
            return new int[0];
        }
        double[] r = acf(z, maxLag);
        if (r == null) {
            return new int[0];
        }
        double[] cumSq = new double[maxLag + 1];
        for (int k = 1; k <= maxLag; k++) {
            cumSq[k] = cumSq[k - 1] + r[k] * r[k];
        }
        int[] found = new int[candidates.length];
        double[] strength = new double[candidates.length];
        int count = 0;
        for (int m : candidates) {
            if (m <= 1 || (long) MIN_SEASONS * m > y.length) {
                continue;
            }
            double limit = limit(cumSq[m - 1], n);
            double stat = oneSided ? r[m] : Math.abs(r[m]);
            if (stat > limit && !contains(found, count, m)) {
                int i = count++;
                while (i > 0 && strength[i - 1] < stat) {
                    found[i] = found[i - 1];
                    strength[i] = strength[i - 1];
                    i--;
                }
                found[i] = m;
                strength[i] = stat;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** Bartlett's 90% two-sided limit {@code 1.645·sqrt((1 + 2·Σ_{k<m} r_k²)/n)} from {@code Σ_{k<m} r_k²}. */
    static double limit(double sumSquaresBelowM, int n) {
        return CRITICAL * Math.sqrt((1 + 2 * sumSquaresBelowM) / n);
    }

    private static boolean contains(int[] a, int count, int v) {
        for (int i = 0; i < count; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    /** A NaN-free transformed copy, or null when nothing is left to test (all NaN, constant, an exact line). */
    static double[] prepare(double[] y, Transform transform) {
        double[] z = y.clone();
        if (!interpolateMissing(z)) {
            return null;
        }
        double scale = 0;
        for (double v : z) {
            scale = Math.max(scale, Math.abs(v));
        }
        double[] out = switch (transform) {
            case RAW -> z;
            case DETREND -> detrend(z);
            case DIFF -> diff(z);
            case AUTO -> {
                double[] d = diff(z);
                double[] r = detrend(z);
                yield variance(d) < variance(r) ? d : r;
            }
        };
        // Nothing but rounding left (a constant, a straight line): no season to find.
        double spread = Math.sqrt(variance(out));
        return spread > 1e-10 * scale ? out : null;
    }

    private static double[] diff(double[] z) {
        double[] d = new double[Math.max(0, z.length - 1)];
        for (int t = 1; t < z.length; t++) {
            d[t - 1] = z[t] - z[t - 1];
        }
        return d;
    }

    private static double variance(double[] z) {
        double mean = 0;
        for (double v : z) {
            mean += v;
        }
        mean /= Math.max(1, z.length);
        double ss = 0;
        for (double v : z) {
            ss += (v - mean) * (v - mean);
        }
        return ss / Math.max(1, z.length);
    }

    /** Residuals of the least-squares line {@code a + b·t}, in place; returns {@code y}. */
    static double[] detrend(double[] y) {
        int n = y.length;
        if (n < 2) {
            return y;
        }
        double tMean = (n - 1) / 2.0;
        double yMean = 0;
        for (double v : y) {
            yMean += v;
        }
        yMean /= n;
        double sty = 0;
        double stt = 0;
        for (int t = 0; t < n; t++) {
            double dt = t - tMean;
            sty += dt * (y[t] - yMean);
            stt += dt * dt;
        }
        double b = sty / stt;
        for (int t = 0; t < n; t++) {
            y[t] -= yMean + b * (t - tMean);
        }
        return y;
    }

    /**
     * The sample autocorrelation function as R's {@code acf(x, lag.max, demean = TRUE)} computes it:
     * {@code r_k = c_k / c_0} with {@code c_k = (1/n)·Σ_{t=1}^{n-k} (x_t - x̄)(x_{t+k} - x̄)}.
     *
     * @return {@code r[0..maxLag]} ({@code r[0] = 1}; lags at or beyond n are 0), or null when the
     *         series is constant (zero variance up to rounding)
     */
    public static double[] acf(double[] x, int maxLag) {
        int n = x.length;
        if (n == 0) {
            return null;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] d = new double[n];
        double scale = 0;
        for (int t = 0; t < n; t++) {
            d[t] = x[t] - mean;
            scale = Math.max(scale, Math.abs(x[t]));
        }
        double c0 = 0;
        for (double v : d) {
            c0 += v * v;
        }
        if (!(c0 > 1e-24 * n * Math.max(scale * scale, Double.MIN_NORMAL))) {
            return null;
        }
        double[] r = new double[maxLag + 1];
        r[0] = 1;
        for (int k = 1; k <= maxLag && k < n; k++) {
            // Four partial sums: the JIT does not reorder a floating-point reduction by itself.
            double c1 = 0;
            double c2 = 0;
            double c3 = 0;
            double c4 = 0;
            int end = n - k;
            int t = 0;
            for (; t + 3 < end; t += 4) {
                c1 += d[t] * d[t + k];
                c2 += d[t + 1] * d[t + 1 + k];
                c3 += d[t + 2] * d[t + 2 + k];
                c4 += d[t + 3] * d[t + 3 + k];
            }
            for (; t < end; t++) {
                c1 += d[t] * d[t + k];
            }
            r[k] = ((c1 + c2) + (c3 + c4)) / c0;
        }
        return r;
    }

    /**
     * Fills NaNs in place: linear interpolation between the nearest non-NaN values inside the
     * series, the nearest value at either end. An all-NaN series is left as it is.
     *
     * @return false when every value is NaN (nothing could be filled), true otherwise
     */
    public static boolean interpolateMissing(double[] y) {
        int left = -1;
        int i = 0;
        int n = y.length;
        while (i < n) {
            if (!Double.isNaN(y[i])) {
                left = i++;
                continue;
            }
            int right = i;
            while (right < n && Double.isNaN(y[right])) {
                right++;
            }
            if (left < 0 && right == n) {
                return n == 0;
            }
            for (int k = i; k < right; k++) {
                if (left < 0) {
                    y[k] = y[right];
                } else if (right == n) {
                    y[k] = y[left];
                } else {
                    y[k] = y[left] + (y[right] - y[left]) * (k - left) / (right - left);
                }
            }
            i = right;
        }
        return true;
    }
}
