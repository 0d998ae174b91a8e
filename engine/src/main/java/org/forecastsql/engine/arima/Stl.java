package org.forecastsql.engine.arima;

/**
 * Seasonal-trend decomposition by loess (Cleveland et al. 1990), the non-robust form R's
 * {@code stats::stl} computes (Fortran {@code stl.f}: {@code stlstp}, {@code stlss},
 * {@code stlfts}, {@code stless}, {@code stlest}), with R's defaults as {@code forecast::mstl}
 * calls it for one season: {@code s.window = 11}, {@code s.degree = 0},
 * {@code t.window = nextodd(ceiling(1.5·period / (1 − 1.5/s.window)))}, {@code t.degree = 1},
 * {@code l.window = nextodd(period)}, {@code l.degree = 1}, jumps {@code ceiling(window/10)},
 * two inner iterations, no robustness iterations.
 */
final class Stl {
    private Stl() {
    }

    /**
     * @return {seasonal, trend, remainder}, each of length n
     */
    static double[][] decompose(double[] y, int period, int sWindow) {
        int n = y.length;
        int np = Math.max(2, period);
        int ns = odd(Math.max(3, sWindow));
        int nt = odd(Math.max(3, (int) Math.ceil(1.5 * np / (1 - 1.5 / ns))));
        int nl = odd(Math.max(3, np));
        int nsjump = (int) Math.ceil(ns / 10.0);
        int ntjump = (int) Math.ceil(nt / 10.0);
        int nljump = (int) Math.ceil(nl / 10.0);
        double[] trend = new double[n];
        double[] season = new double[n];
        double[] w1 = new double[n + 2 * np];
        double[] c = new double[n + 2 * np];
        double[] w3 = new double[n + 2 * np];
        double[] low = new double[n];
        for (int iter = 0; iter < 2; iter++) {
            for (int i = 0; i < n; i++) {
                w1[i] = y[i] - trend[i];
            }
            subseries(w1, n, np, ns, 0, nsjump, c);
            lowPass(c, n + 2 * np, np, w3);
            loess(w3, n, nl, 1, nljump, low);
            for (int i = 0; i < n; i++) {
                season[i] = c[np + i] - low[i];
            }
            for (int i = 0; i < n; i++) {
                w1[i] = y[i] - season[i];
            }
            loess(java.util.Arrays.copyOf(w1, n), n, nt, 1, ntjump, trend);
        }
        double[] rem = new double[n];
        for (int i = 0; i < n; i++) {
            rem[i] = y[i] - season[i] - trend[i];
        }
        return new double[][] {season, trend, rem};
    }

    private static int odd(int v) {
        return v % 2 == 0 ? v + 1 : v;
    }

    /** stlss: loess-smooths each cycle-subseries and extends it by one value at each end. */
    private static void subseries(double[] y, int n, int np, int ns, int deg, int jump, double[] season) {
        int maxk = n / np + 2;
        double[] sub = new double[maxk];
        double[] sm = new double[maxk + 2];
        double[] ys = new double[maxk];
        for (int j = 0; j < np; j++) {
            int k = (n - j - 1) / np + 1;
            for (int i = 0; i < k; i++) {
                sub[i] = y[i * np + j];
            }
            loess(sub, k, ns, deg, jump, ys);
            System.arraycopy(ys, 0, sm, 1, k);
            double[] v = new double[1];
            int nright = Math.min(ns, k);
            sm[0] = estimate(sub, k, ns, deg, 0, 1, nright, v) ? v[0] : sm[1];
            int nleft = Math.max(1, k - ns + 1);
            sm[k + 1] = estimate(sub, k, ns, deg, k + 1, nleft, k, v) ? v[0] : sm[k];
            for (int m = 0; m < k + 2; m++) {
                season[m * np + j] = sm[m];
            }
        }
    }

    /** stlfts: moving averages of lengths np, np and 3. */
    private static void lowPass(double[] x, int n, int np, double[] out) {
        double[] t1 = movingAverage(x, n, np);
        double[] t2 = movingAverage(t1, n - np + 1, np);
        double[] t3 = movingAverage(t2, n - 2 * np + 2, 3);
        System.arraycopy(t3, 0, out, 0, t3.length);
    }

    private static double[] movingAverage(double[] x, int n, int len) {
        int newn = n - len + 1;
        double[] ave = new double[newn];
        double v = 0;
        for (int i = 0; i < len; i++) {
            v += x[i];
        }
        ave[0] = v / len;
        for (int j = 1; j < newn; j++) {
            v = v - x[j - 1] + x[j + len - 1];
            ave[j] = v / len;
        }
        return ave;
    }

    /** stless: loess smoothing of y[0..n) with window len, evaluated every {@code jump} points and interpolated. */
    static void loess(double[] y, int n, int len, int deg, int jump, double[] ys) {
        double[] v = new double[1];
        // every interior point (a full window centred on it) has the same weights: they are
        // computed once and applied as a filter
        double[] kernel = null;
        int nsh0 = (len + 1) / 2;
        if (n < 2) {
            ys[0] = y[0];
            return;
        }
        int newnj = Math.min(jump, n - 1);
        int nleft = 1;
        int nright = n;
        if (len >= n) {
            for (int i = 1; i <= n; i += newnj) {
                ys[i - 1] = estimate(y, n, len, deg, i, 1, n, v) ? v[0] : y[i - 1];
            }
        } else if (newnj == 1) {
            int nsh = (len + 1) / 2;
            nleft = 1;
            nright = len;
            for (int i = 1; i <= n; i++) {
                if (i > nsh && nright != n) {
                    nleft++;
                    nright++;
                }
                if (len <= n && i - nleft == nsh0 - 1 && nright - nleft + 1 == len) {
                    if (kernel == null) {
                        kernel = interiorKernel(n, len, deg, i, nleft, nright);
                    }
                    if (kernel.length > 0) {
                        ys[i - 1] = apply(kernel, y, nleft);
                        continue;
                    }
                }
                ys[i - 1] = estimate(y, n, len, deg, i, nleft, nright, v) ? v[0] : y[i - 1];
            }
        } else {
            int nsh = (len + 1) / 2;
            for (int i = 1; i <= n; i += newnj) {
                if (i < nsh) {
                    nleft = 1;
                    nright = len;
                } else if (i >= n - nsh + 1) {
                    nleft = n - len + 1;
                    nright = n;
                } else {
                    nleft = i - nsh + 1;
                    nright = len + i - nsh;
                    if (kernel == null) {
                        kernel = interiorKernel(n, len, deg, i, nleft, nright);
                    }
                    if (kernel.length > 0) {
                        ys[i - 1] = apply(kernel, y, nleft);
                        continue;
                    }
                }
                ys[i - 1] = estimate(y, n, len, deg, i, nleft, nright, v) ? v[0] : y[i - 1];
            }
        }
        if (newnj != 1) {
            for (int i = 1; i <= n - newnj; i += newnj) {
                double delta = (ys[i + newnj - 1] - ys[i - 1]) / newnj;
                for (int j = i + 1; j <= i + newnj - 1; j++) {
                    ys[j - 1] = ys[i - 1] + delta * (j - i);
                }
            }
            int k = ((n - 1) / newnj) * newnj + 1;
            if (k != n) {
                ys[n - 1] = estimate(y, n, len, deg, n, nleft, nright, v) ? v[0] : y[n - 1];
                if (k != n - 1) {
                    double delta = (ys[n - 1] - ys[k - 1]) / (n - k);
                    for (int j = k + 1; j <= n - 1; j++) {
                        ys[j - 1] = ys[k - 1] + delta * (j - k);
                    }
                }
            }
        }
    }

    /**
     * The weights {@link #estimate} gives the points of a full window centred on its point (they
     * do not depend on where the window lies), or an empty array when that estimate fails.
     */
    private static double[] interiorKernel(int n, int len, int deg, int i, int nleft, int nright) {
        double[] unit = new double[n];
        double[] kernel = new double[len];
        double[] v = new double[1];
        for (int k = 0; k < len; k++) {
            unit[nleft - 1 + k] = 1;
            if (!estimate(unit, n, len, deg, i, nleft, nright, v)) {
                return new double[0];
            }
            kernel[k] = v[0];
            unit[nleft - 1 + k] = 0;
        }
        return kernel;
    }

    private static double apply(double[] kernel, double[] y, int nleft) {
        double s = 0;
        for (int k = 0; k < kernel.length; k++) {
            s += kernel[k] * y[nleft - 1 + k];
        }
        return s;
    }

    /** stlest: local (degree 0 or 1) tricube-weighted fit at xs from points nleft..nright (1-based). */
    private static boolean estimate(double[] y, int n, int len, int deg, double xs, int nleft, int nright, double[] out) {
        double range = n - 1.0;
        double h = Math.max(xs - nleft, nright - xs);
        if (len > n) {
            h += (len - n) / 2;
        }
        double h9 = 0.999 * h;
        double h1 = 0.001 * h;
        double a = 0;
        double[] w = new double[nright - nleft + 1];
        for (int j = nleft; j <= nright; j++) {
            double r = Math.abs(j - xs);
            double wj = 0;
            if (r <= h9) {
                if (r <= h1) {
                    wj = 1;
                } else {
                    double u = r / h;
                    u = 1 - u * u * u;
                    wj = u * u * u;
                }
            }
            w[j - nleft] = wj;
            a += wj;
        }
        if (a <= 0) {
            return false;
        }
        for (int j = 0; j < w.length; j++) {
            w[j] /= a;
        }
        if (h > 0 && deg > 0) {
            double aa = 0;
            for (int j = nleft; j <= nright; j++) {
                aa += w[j - nleft] * j;
            }
            double b = xs - aa;
            double cc = 0;
            for (int j = nleft; j <= nright; j++) {
                cc += w[j - nleft] * (j - aa) * (j - aa);
            }
            if (Math.sqrt(cc) > 0.001 * range) {
                b /= cc;
                for (int j = nleft; j <= nright; j++) {
                    w[j - nleft] *= b * (j - aa) + 1;
                }
            }
        }
        double s = 0;
        for (int j = nleft; j <= nright; j++) {
            s += w[j - nleft] * y[j - 1];
        }
        out[0] = s;
        return true;
    }
}
