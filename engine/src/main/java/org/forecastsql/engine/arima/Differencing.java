package org.forecastsql.engine.arima;

/**
 * The orders of differencing as {@code forecast::ndiffs} and {@code forecast::nsdiffs} choose
 * them (forecast 8.x defaults): repeated KPSS level-stationarity tests at 5% for d (up to 2),
 * and for D the seasonal-strength heuristic {@code seas}: difference once when the strength of
 * the STL seasonal component, {@code max(0, min(1, 1 − var(R)/var(R + S)))}, exceeds 0.64.
 */
final class Differencing {
    /** KPSS critical values of {@code urca::ur.kpss(type = "mu")}: 10%, 5%, 2.5%, 1%. */
    private static final double[] KPSS_CVAL = {0.347, 0.463, 0.574, 0.739};
    private static final double[] KPSS_PCT = {0.10, 0.05, 0.025, 0.01};
    static final double SEASONAL_STRENGTH_THRESHOLD = 0.64;

    private Differencing() {
    }

    /** R's {@code is.constant}: all values equal. */
    static boolean isConstant(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (x[i] != x[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The KPSS statistic of {@code urca::ur.kpss(x, type = "mu", use.lag = trunc(3·sqrt(n)/13))}:
     * {@code Σ S_t² / n² / (s² + 2/n Σ_{l≤L} (1 − l/(L+1)) Σ_t e_t e_{t−l})}, e the demeaned series,
     * S its partial sums.
     */
    static double kpss(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] e = new double[n];
        double s = 0;
        double num = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            e[i] = x[i] - mean;
            s += e[i];
            num += s * s;
            s2 += e[i] * e[i];
        }
        num /= (double) n * n;
        s2 /= n;
        int lmax = (int) (3 * Math.sqrt(n) / 13);
        double out = 0;
        for (int l = 1; l <= lmax; l++) {
            double cov = 0;
            for (int t = l; t < n; t++) {
                cov += e[t] * e[t - l];
            }
            out += (1 - l / (lmax + 1.0)) * cov;
        }
        return num / (s2 + 2.0 / n * out);
    }

    /** The p-value of {@code forecast:::urca_pval}: linear interpolation in the critical-value table, clamped. */
    static double kpssPValue(double stat) {
        if (stat <= KPSS_CVAL[0]) {
            return KPSS_PCT[0];
        }
        for (int i = 1; i < KPSS_CVAL.length; i++) {
            if (stat <= KPSS_CVAL[i]) {
                double f = (stat - KPSS_CVAL[i - 1]) / (KPSS_CVAL[i] - KPSS_CVAL[i - 1]);
                return KPSS_PCT[i - 1] + f * (KPSS_PCT[i] - KPSS_PCT[i - 1]);
            }
        }
        return KPSS_PCT[KPSS_PCT.length - 1];
    }

    /** {@code forecast::ndiffs(x, test = "kpss", alpha = 0.05, max.d)}. */
    static int ndiffs(double[] x, int maxD) {
        int d = 0;
        if (isConstant(x)) {
            return d;
        }
        boolean dodiff = kpssPValue(kpss(x)) < 0.05;
        while (dodiff && d < maxD) {
            d++;
            x = ArimaEstimator.diff(x, 1);
            if (x.length == 0 || isConstant(x)) {
                return d;
            }
            if (x.length < 2) {
                return d - 1;
            }
            dodiff = kpssPValue(kpss(x)) < 0.05;
        }
        return d;
    }

    /** Seasonal strength of {@code forecast:::seas.heuristic} from the STL decomposition (s.window 11). */
    static double seasonalStrength(double[] x, int m) {
        double[][] stl = Stl.decompose(x, m, 11);
        double[] rs = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            rs[i] = stl[2][i] + stl[0][i];
        }
        double vr = variance(stl[2]);
        double vrs = variance(rs);
        return Math.max(0, Math.min(1, 1 - vr / vrs));
    }

    /** {@code forecast::nsdiffs(x, test = "seas", max.D = 1)}. */
    static int nsdiffs(double[] x, int m) {
        if (isConstant(x) || m < 2) {
            return 0;
        }
        double strength = seasonalStrength(x, m);
        return strength > SEASONAL_STRENGTH_THRESHOLD ? 1 : 0;
    }

    private static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }
}
