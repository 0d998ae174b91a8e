package org.forecastsql.engine.arima;

/**
 * Starting values for the CSS fits of the fast order search: the two regression stages of
 * Hannan &amp; Rissanen (1982). A long autoregression, its order chosen by AIC among the
 * Yule-Walker fits of the Durbin-Levinson recursion, estimates the innovations ê; then, per
 * candidate, {@code w_t} is regressed by least squares on its own lags {@code 1..p} and
 * {@code s, …, Ps} and on the lags {@code 1..q}, {@code s, …, Qs} of ê. The coefficients are
 * those of φ, Φ, θ, Θ (the products φ_iΦ_j of the multiplicative model are left out of the
 * regression). Consistent, so a few Levenberg-Marquardt steps reach the CSS minimum.
 *
 * <p>One instance serves every candidate of a search on the same differenced series: the cross
 * products of all the lags any candidate may use are formed once, and a candidate costs the
 * solution of a system of at most 14 equations.
 */
final class HannanRissanen {
    private final int season;
    private final int maxLag;
    /** Column lags: w lags then ê lags, each {@code 1..nonSeasonal} followed by {@code s, 2s…}. */
    private final int[] lags;
    private final int nonSeasonal;
    private final int seasonal;
    /** Cross products of the columns and the target (last index), row-major, or null when too short. */
    private final double[] gram;
    private final int dim;

    /** Whether the long autoregression could be fitted (else {@link #start} gives zeros). */
    boolean available() {
        return gram != null;
    }

    /**
     * @param w           the differenced series less the regression at its start values
     * @param season      the seasonal period (1: none)
     * @param nonSeasonal the largest p or q any candidate has
     * @param seasonal    the largest P or Q any candidate has
     */
    HannanRissanen(double[] w, int season, int nonSeasonal, int seasonal) {
        this.season = season;
        this.nonSeasonal = nonSeasonal;
        this.seasonal = season > 1 ? seasonal : 0;
        int per = this.nonSeasonal + this.seasonal;
        lags = new int[per];
        for (int i = 0; i < this.nonSeasonal; i++) {
            lags[i] = i + 1;
        }
        for (int j = 0; j < this.seasonal; j++) {
            lags[this.nonSeasonal + j] = (j + 1) * season;
        }
        int ml = 0;
        for (int l : lags) {
            ml = Math.max(ml, l);
        }
        maxLag = ml;
        dim = 2 * per + 1;
        gram = buildGram(w);
    }

    private double[] buildGram(double[] w0) {
        int m = w0.length;
        double mean = 0;
        for (double v : w0) {
            mean += v;
        }
        mean /= m;
        double[] w = new double[m];
        for (int t = 0; t < m; t++) {
            w[t] = w0[t] - mean;
        }
        int lmax = (int) Math.min(m / 3, Math.max(Math.ceil(10 * Math.log10(m)), 5.0 * season));
        // ê_{t−j} = w_{t−j} − Σ_{i≤L} a_i w_{t−j−i} is an exact combination of w lag columns when
        // all of j..j+L are columns: L must reach past the longest run of consecutive column lags
        java.util.Set<Integer> lagSet = new java.util.HashSet<>();
        for (int l : lags) {
            lagSet.add(l);
        }
        int minOrder = 1;
        for (int l : lags) {
            int run = 0;
            while (lagSet.contains(l + run)) {
                run++;
            }
            minOrder = Math.max(minOrder, run);
        }
        if (lmax < minOrder || m - lmax - maxLag < 3 * dim) {
            return null;
        }
        double[] acov = new double[lmax + 1];
        for (int k = 0; k <= lmax; k++) {
            double c = 0;
            for (int t = k; t < m; t++) {
                c += w[t] * w[t - k];
            }
            acov[k] = c / m;
        }
        if (!(acov[0] > 0)) {
            return null;
        }
        // Durbin-Levinson: the AR(L) Yule-Walker fits for L = 1..lmax, the order by AIC
        double[] a = new double[lmax + 1];
        double[] prev = new double[lmax + 1];
        double[] best = null;
        double v = acov[0];
        double bestAic = Double.POSITIVE_INFINITY;
        for (int l = 1; l <= lmax; l++) {
            double k = acov[l];
            for (int i = 1; i < l; i++) {
                k -= prev[i] * acov[l - i];
            }
            k /= v;
            a[l] = k;
            for (int i = 1; i < l; i++) {
                a[i] = prev[i] - k * prev[l - i];
            }
            v *= 1 - k * k;
            if (!(v > 0)) {
                break;
            }
            System.arraycopy(a, 0, prev, 0, l + 1);
            double aic = m * Math.log(v) + 2 * l;
            if (l >= minOrder && aic < bestAic) {
                bestAic = aic;
                best = java.util.Arrays.copyOfRange(a, 1, l + 1);
            }
        }
        if (best == null) {
            return null;
        }
        int order = best.length;
        double[] e = new double[m];
        for (int t = order; t < m; t++) {
            double x = w[t];
            for (int i = 0; i < order; i++) {
                x -= best[i] * w[t - i - 1];
            }
            e[t] = x;
        }
        int from = order + maxLag;
        if (m - from < 3 * dim) {
            return null;
        }
        int per = lags.length;
        double[][] cols = new double[dim][];
        for (int c = 0; c < per; c++) {
            cols[c] = lagged(w, lags[c], from);
            cols[per + c] = lagged(e, lags[c], from);
        }
        cols[dim - 1] = java.util.Arrays.copyOfRange(w, from, m);
        double[] g = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                double[] ci = cols[i];
                double[] cj = cols[j];
                for (int t = 0; t < ci.length; t++) {
                    s += ci[t] * cj[t];
                }
                g[i * dim + j] = s;
                g[j * dim + i] = s;
            }
        }
        return g;
    }

    private static double[] lagged(double[] x, int lag, int from) {
        double[] r = new double[x.length - from];
        System.arraycopy(x, from - lag, r, 0, r.length);
        return r;
    }

    /**
     * Start values for the ARMA coefficients of {@code o} in the order of R's {@code arima}
     * (φ, θ, Φ, Θ), each polynomial shrunk towards zero until its roots lie outside radius 1.01;
     * null when there are none: no long autoregression, a regression that is singular relative to
     * its scale, or roots that do not shrink inside 20 rounds.
     */
    double[] start(ArimaOrder o) {
        int p = o.p();
        int q = o.q();
        int bigP = o.bigP();
        int bigQ = o.bigQ();
        double[] par = new double[o.narma()];
        if (gram == null || p > nonSeasonal || q > nonSeasonal || bigP > seasonal || bigQ > seasonal
                || (bigP + bigQ > 0 && o.s() != season)) {
            return null;
        }
        int per = lags.length;
        int k = p + q + bigP + bigQ;
        if (k == 0) {
            return par;
        }
        int[] idx = new int[k];
        int c = 0;
        for (int i = 0; i < p; i++) {
            idx[c++] = i;
        }
        for (int i = 0; i < q; i++) {
            idx[c++] = per + i;
        }
        for (int j = 0; j < bigP; j++) {
            idx[c++] = nonSeasonal + j;
        }
        for (int j = 0; j < bigQ; j++) {
            idx[c++] = per + nonSeasonal + j;
        }
        double[] a = new double[k * k];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i * k + j] = gram[idx[i] * dim + idx[j]];
            }
            b[i] = gram[idx[i] * dim + dim - 1];
        }
        if (!solveScaled(a, b, k)) {
            return null;
        }
        System.arraycopy(b, 0, par, 0, k);
        if (!shrinkAr(par, 0, p) || !shrinkMa(par, p, q) || !shrinkAr(par, p + q, bigP) || !shrinkMa(par, p + q + bigP, bigQ)) {
            return null;
        }
        return par;
    }

    /**
     * Solves the normal equations {@code a x = b} (symmetric, k×k) in correlation form by Cholesky;
     * false when a pivot falls below 1e-10, i.e. the regressors are (nearly) collinear.
     */
    private static boolean solveScaled(double[] a, double[] b, int k) {
        double[] d = new double[k];
        for (int i = 0; i < k; i++) {
            double v = a[i * k + i];
            if (!(v > 0) || !Double.isFinite(v)) {
                return false;
            }
            d[i] = Math.sqrt(v);
        }
        double[] l = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double v = a[i * k + j] / (d[i] * d[j]);
                for (int r = 0; r < j; r++) {
                    v -= l[i * k + r] * l[j * k + r];
                }
                if (i == j) {
                    if (!(v > 1e-10)) {
                        return false;
                    }
                    l[i * k + i] = Math.sqrt(v);
                } else {
                    l[i * k + j] = v / l[j * k + j];
                }
            }
        }
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double v = b[i] / d[i];
            for (int r = 0; r < i; r++) {
                v -= l[i * k + r] * z[r];
            }
            z[i] = v / l[i * k + i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double v = z[i];
            for (int r = i + 1; r < k; r++) {
                v -= l[r * k + i] * z[r];
            }
            z[i] = v / l[i * k + i];
        }
        for (int i = 0; i < k; i++) {
            b[i] = z[i] / d[i];
        }
        return true;
    }

    /** Scales φ_i by c^i (roots moved outwards by 1/c) until they lie outside radius 1.01; false if 20 rounds do not. */
    private static boolean shrinkAr(double[] par, int offset, int len) {
        for (int round = 0; round < 20; round++) {
            if (ArimaTransforms.arRootsOutside(par, offset, len, 1.01)) {
                return true;
            }
            scale(par, offset, len);
        }
        return ArimaTransforms.arRootsOutside(par, offset, len, 1.01);
    }

    private static boolean shrinkMa(double[] par, int offset, int len) {
        for (int round = 0; round < 20; round++) {
            if (ArimaTransforms.maRootsOutside(par, offset, len, 1.01)) {
                return true;
            }
            scale(par, offset, len);
        }
        return ArimaTransforms.maRootsOutside(par, offset, len, 1.01);
    }

    private static void scale(double[] par, int offset, int len) {
        double f = 1;
        for (int i = 0; i < len; i++) {
            f *= 0.8;
            par[offset + i] *= f;
        }
    }
}
