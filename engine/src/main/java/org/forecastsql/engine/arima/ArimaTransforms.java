package org.forecastsql.engine.arima;

/**
 * Parameter transforms of R's {@code arima.c} and {@code arima.R}: the PACF reparameterisation
 * that keeps AR parts stationary ({@code partrans}, {@code invpartrans}), the expansion of
 * seasonal and non-seasonal coefficients into full AR/MA polynomials ({@code ARIMA_transPars}),
 * the differencing polynomial ({@code Delta}), MA inversion ({@code maInvert}) and root checks.
 */
final class ArimaTransforms {
    private ArimaTransforms() {
    }

    /**
     * R's {@code partrans}: maps unconstrained values to the coefficients of a stationary AR(p) via
     * {@code tanh} (partial autocorrelations) and the Durbin-Levinson recursion.
     */
    static void partrans(int p, double[] raw, int offset, double[] out, int outOffset) {
        double[] work = new double[p];
        double[] nw = new double[p];
        for (int j = 0; j < p; j++) {
            work[j] = nw[j] = Math.tanh(raw[offset + j]);
        }
        for (int j = 1; j < p; j++) {
            double a = nw[j];
            for (int k = 0; k < j; k++) {
                work[k] -= a * nw[j - k - 1];
            }
            System.arraycopy(work, 0, nw, 0, j);
        }
        System.arraycopy(nw, 0, out, outOffset, p);
    }

    /**
     * R's {@code invpartrans}: the inverse of {@link #partrans}, running Durbin-Levinson backwards
     * to the partial autocorrelations and applying {@code atanh}.
     */
    static void invpartrans(int p, double[] phi, int offset, double[] out, int outOffset) {
        double[] work = new double[p];
        double[] nw = new double[p];
        for (int j = 0; j < p; j++) {
            work[j] = nw[j] = phi[offset + j];
        }
        for (int j = p - 1; j > 0; j--) {
            double a = nw[j];
            for (int k = 0; k < j; k++) {
                work[k] = (nw[k] + a * nw[j - k - 1]) / (1 - a * a);
            }
            System.arraycopy(work, 0, nw, 0, j);
        }
        for (int j = 0; j < p; j++) {
            out[outOffset + j] = atanh(nw[j]);
        }
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    /** R's {@code ARIMA_Invtrans}: the unconstrained values of the AR and seasonal AR parts of {@code par}. */
    static double[] invtrans(double[] par, ArimaOrder o) {
        double[] r = par.clone();
        invpartrans(o.p(), par, 0, r, 0);
        invpartrans(o.bigP(), par, o.p() + o.q(), r, o.p() + o.q());
        return r;
    }

    /** R's {@code ARIMA_undoPars}: {@code par} with the AR parts mapped through {@link #partrans}. */
    static double[] undoPars(double[] par, ArimaOrder o) {
        double[] r = par.clone();
        partrans(o.p(), par, 0, r, 0);
        partrans(o.bigP(), par, o.p() + o.q(), r, o.p() + o.q());
        return r;
    }

    /**
     * R's {@code ARIMA_transPars}: the expanded polynomials {@code phi} (length p + sP) and
     * {@code theta} (length q + sQ) of {@code (1 - Φ(B^s))(1 - φ(B))} and
     * {@code (1 + Θ(B^s))(1 + θ(B))}; with {@code trans} the AR parts go through {@link #partrans} first.
     *
     * @return {phi, theta}
     */
    static double[][] transPars(double[] par, ArimaOrder o, boolean trans) {
        int mp = o.p();
        int mq = o.q();
        int msp = o.bigP();
        int msq = o.bigQ();
        int ns = o.s();
        double[] params = trans ? undoPars(par, o) : par;
        double[] phi = new double[o.expandedP()];
        double[] theta = new double[o.expandedQ()];
        System.arraycopy(params, 0, phi, 0, mp);
        System.arraycopy(params, mp, theta, 0, mq);
        for (int j = 0; j < msp; j++) {
            double sj = params[j + mp + mq];
            phi[(j + 1) * ns - 1] += sj;
            for (int i = 0; i < mp; i++) {
                phi[(j + 1) * ns + i] -= params[i] * sj;
            }
        }
        for (int j = 0; j < msq; j++) {
            double sj = params[j + mp + mq + msp];
            theta[(j + 1) * ns - 1] += sj;
            for (int i = 0; i < mq; i++) {
                theta[(j + 1) * ns + i] += params[i + mp] * sj;
            }
        }
        return new double[][] {phi, theta};
    }

    /**
     * R's {@code Delta}: coefficients {@code delta} with {@code (1-B)^d (1-B^s)^D = 1 - Σ delta_i B^i}.
     */
    static double[] delta(ArimaOrder o) {
        double[] poly = {1};
        for (int i = 0; i < o.d(); i++) {
            poly = multiply(poly, new double[] {1, -1});
        }
        for (int i = 0; i < o.bigD(); i++) {
            double[] sd = new double[o.s() + 1];
            sd[0] = 1;
            sd[o.s()] = -1;
            poly = multiply(poly, sd);
        }
        double[] delta = new double[poly.length - 1];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = -poly[i + 1];
        }
        return delta;
    }

    static double[] multiply(double[] a, double[] b) {
        double[] r = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                r[i + j] += a[i] * b[j];
            }
        }
        return r;
    }

    /**
     * Whether every root of {@code 1 - Σ phi_i z^i} lies outside the circle of radius {@code radius}
     * (radius 1: R's {@code arCheck}). Uses the step-down (Schur-Cohn) recursion on
     * {@code phi_i · radius^i}: the roots are outside that circle iff every partial
     * autocorrelation of the scaled polynomial has modulus below one. No root finding needed.
     */
    static boolean arRootsOutside(double[] phi, int offset, int len, double radius) {
        int p = len;
        while (p > 0 && phi[offset + p - 1] == 0) {
            p--;
        }
        if (p == 0) {
            return true;
        }
        double[] a = new double[p];
        double scale = 1;
        for (int i = 0; i < p; i++) {
            scale *= radius;
            a[i] = phi[offset + i] * scale;
        }
        double[] work = new double[p];
        for (int j = p - 1; j >= 0; j--) {
            double k = a[j];
            if (!(Math.abs(k) < 1)) {
                return false;
            }
            for (int i = 0; i < j; i++) {
                work[i] = (a[i] + k * a[j - i - 1]) / (1 - k * k);
            }
            System.arraycopy(work, 0, a, 0, j);
        }
        return true;
    }

    /** Whether every root of {@code 1 + Σ theta_i z^i} lies outside the circle of radius {@code radius}. */
    static boolean maRootsOutside(double[] theta, int offset, int len, double radius) {
        double[] neg = new double[len];
        for (int i = 0; i < len; i++) {
            neg[i] = -theta[offset + i];
        }
        return arRootsOutside(neg, 0, len, radius);
    }

    /**
     * R's {@code maInvert}: reflects roots of {@code 1 + Σ ma_i z^i} inside the unit circle to
     * their reciprocals, giving the invertible MA polynomial with the same autocovariances.
     */
    static void maInvert(double[] par, int offset, int q) {
        int q0 = q;
        while (q0 > 0 && par[offset + q0 - 1] == 0) {
            q0--;
        }
        if (q0 == 0) {
            return;
        }
        double[] coef = new double[q0 + 1];
        coef[0] = 1;
        System.arraycopy(par, offset, coef, 1, q0);
        double[][] roots = PolynomialRoots.roots(coef);
        boolean any = false;
        for (int i = 0; i < q0; i++) {
            if (Math.hypot(roots[0][i], roots[1][i]) < 1) {
                any = true;
            }
        }
        if (!any) {
            return;
        }
        if (q0 == 1) {
            par[offset] = 1 / par[offset];
            return;
        }
        // x <- 1; for (r in roots) x <- c(x, 0) - c(0, x)/r
        double[] xr = {1};
        double[] xi = {0};
        for (int i = 0; i < q0; i++) {
            double rr = roots[0][i];
            double ri = roots[1][i];
            double m2 = rr * rr + ri * ri;
            if (Math.sqrt(m2) < 1) {
                rr = rr / m2;
                ri = -ri / m2;
                m2 = rr * rr + ri * ri;
            }
            // 1/r = conj(r)/|r|^2
            double ir = rr / m2;
            double ii = -ri / m2;
            double[] nr = new double[xr.length + 1];
            double[] ni = new double[xr.length + 1];
            for (int k = 0; k < xr.length; k++) {
                nr[k] += xr[k];
                ni[k] += xi[k];
                nr[k + 1] -= xr[k] * ir - xi[k] * ii;
                ni[k + 1] -= xr[k] * ii + xi[k] * ir;
            }
            xr = nr;
            xi = ni;
        }
        for (int i = 0; i < q0; i++) {
            par[offset + i] = xr[i + 1];
        }
    }
}
