package org.forecastsql.engine.ets;

/**
 * Starting values for the optimiser, as R forecast 8.x {@code initstate} and {@code initparam}.
 *
 * <p>Initial states: for seasonal models the seasonal indices come from a classical
 * decomposition when {@code n ≥ 3m}, else from the regression {@code y ~ t + sin(2πt/m) +
 * cos(2πt/m)} (the {@code fourier(y, 1)} fit); the level (and growth) from the mean (or a
 * least-squares line) of the first {@code max(10, 2m)} seasonally adjusted values. Initial
 * parameters: {@code α = lo + 0.2(hi − lo)/m}, {@code β = lo + 0.1(min(hi, α) − lo)},
 * {@code γ = lo + 0.05(min(hi, 1 − α) − lo)}, {@code φ = lo + 0.99(hi − lo)}.
 */
final class EtsInit {
    static final double[] LOWER = {1e-4, 1e-4, 1e-4, 0.8};
    static final double[] UPPER = {0.9999, 0.9999, 0.9999, 0.98};

    private EtsInit() {
    }

    /** Initial states (l, b, s_0..s_{m-2}): the last seasonal state is implied by the others. */
    static double[] initstate(double[] y, int m, int trendtype, int seasontype) {
        int n = y.length;
        double[] initSeas = new double[0];
        double[] ysa = y;
        if (seasontype != EtsSpec.NONE) {
            if (n < 4) {
                throw new IllegalArgumentException("not enough data for a seasonal model");
            }
            double[] seasonal;
            if (n < 3 * m) {
                double[] c = fourierTrendFit(y, m);
                seasonal = new double[n];
                for (int t = 0; t < n; t++) {
                    double tr = c[0] + c[1] * (t + 1);
                    seasonal[t] = seasontype == EtsSpec.ADD ? y[t] - tr : y[t] / tr;
                }
            } else {
                seasonal = ClassicalDecomposition.seasonal(y, m, seasontype == EtsSpec.MULT);
            }
            initSeas = new double[m - 1];
            for (int i = 0; i < m - 1; i++) {
                initSeas[i] = seasonal[m - 1 - i];
            }
            ysa = new double[n];
            if (seasontype == EtsSpec.ADD) {
                for (int t = 0; t < n; t++) {
                    ysa[t] = y[t] - seasonal[t];
                }
            } else {
                double sum = 0;
                for (int i = 0; i < m - 1; i++) {
                    initSeas[i] = Math.max(initSeas[i], 0.01);
                    sum += initSeas[i];
                }
                if (sum > m) {
                    double denom = sum + 0.01 * (m - 1);
                    for (int i = 0; i < m - 1; i++) {
                        initSeas[i] /= denom;
                    }
                }
                for (int t = 0; t < n; t++) {
                    ysa[t] = y[t] / Math.max(seasonal[t], 0.01);
                }
            }
        } else {
            m = 1;
        }
        int maxn = Math.min(Math.max(10, 2 * m), ysa.length);
        double l0;
        double b0 = Double.NaN;
        if (trendtype == EtsSpec.NONE) {
            double s = 0;
            for (int i = 0; i < maxn; i++) {
                s += ysa[i];
            }
            l0 = s / maxn;
        } else {
            double[] fit = ClassicalDecomposition.lineFit(ysa, maxn, 1);
            if (trendtype == EtsSpec.ADD) {
                l0 = fit[0];
                b0 = fit[1];
                if (Math.abs(l0 + b0) < 1e-8) {
                    l0 = l0 * (1 + 1e-3);
                    b0 = b0 * (1 - 1e-3);
                }
            } else {
                l0 = fit[0] + fit[1];
                if (Math.abs(l0) < 1e-8) {
                    l0 = 1e-7;
                }
                b0 = (fit[0] + 2 * fit[1]) / l0;
                l0 = l0 / b0;
                if (Math.abs(b0) > 1e10) {
                    b0 = Math.signum(b0) * 1e10;
                }
                if (l0 < 1e-8 || b0 < 1e-8) {
                    l0 = Math.max(ysa[0], 1e-3);
                    b0 = Math.max(ysa[1] / ysa[0], 1e-3);
                }
            }
        }
        int nt = trendtype == EtsSpec.NONE ? 1 : 2;
        double[] x = new double[nt + initSeas.length];
        x[0] = l0;
        if (nt == 2) {
            x[1] = b0;
        }
        System.arraycopy(initSeas, 0, x, nt, initSeas.length);
        return x;
    }

    /**
     * Intercept and trend coefficient of {@code tslm(y ~ trend + fourier(y, 1))}: regressors
     * 1, t, sin(2πt/m), cos(2πt/m) for t = 1..n (the sine dropped when m = 2, as fourier does).
     */
    static double[] fourierTrendFit(double[] y, int m) {
        int n = y.length;
        int k = m == 2 ? 3 : 4;
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        double[] row = new double[k];
        for (int t = 1; t <= n; t++) {
            double a = 2 * Math.PI * t / m;
            row[0] = 1;
            row[1] = t;
            if (m == 2) {
                row[2] = Math.cos(a);
            } else {
                row[2] = Math.sin(a);
                row[3] = Math.cos(a);
            }
            for (int i = 0; i < k; i++) {
                xty[i] += row[i] * y[t - 1];
                for (int j = 0; j < k; j++) {
                    xtx[i][j] += row[i] * row[j];
                }
            }
        }
        return solve(xtx, xty);
    }

    /** Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] a, double[] b) {
        int k = b.length;
        double[][] m = new double[k][];
        for (int i = 0; i < k; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], k + 1);
            m[i][k] = b[i];
        }
        for (int c = 0; c < k; c++) {
            int piv = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[piv];
            m[piv] = tmp;
            for (int r = c + 1; r < k; r++) {
                double fct = m[r][c] / m[c][c];
                for (int j = c; j <= k; j++) {
                    m[r][j] -= fct * m[c][j];
                }
            }
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = m[i][k];
            for (int j = i + 1; j < k; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }

    /** Initial smoothing parameters (alpha, beta, gamma, phi; NaN where absent) as {@code initparam}, bounds "both". */
    static double[] initparam(int trendtype, int seasontype, boolean damped, int m) {
        double alpha = LOWER[0] + 0.2 * (UPPER[0] - LOWER[0]) / m;
        if (alpha > 1 || alpha < 0) {
            alpha = LOWER[0] + 2e-3;
        }
        double beta = Double.NaN;
        if (trendtype != EtsSpec.NONE) {
            double up = Math.min(UPPER[1], alpha);
            beta = LOWER[1] + 0.1 * (up - LOWER[1]);
            if (beta < 0 || beta > alpha) {
                beta = alpha - 1e-3;
            }
        }
        double gamma = Double.NaN;
        if (seasontype != EtsSpec.NONE) {
            double up = Math.min(UPPER[2], 1 - alpha);
            gamma = LOWER[2] + 0.05 * (up - LOWER[2]);
            if (gamma < 0 || gamma > 1 - alpha) {
                gamma = 1 - alpha - 1e-3;
            }
        }
        double phi = Double.NaN;
        if (damped) {
            phi = LOWER[3] + 0.99 * (UPPER[3] - LOWER[3]);
            if (phi < 0 || phi > 1) {
                phi = UPPER[3] - 1e-3;
            }
        }
        return new double[] {alpha, beta, gamma, phi};
    }
}
