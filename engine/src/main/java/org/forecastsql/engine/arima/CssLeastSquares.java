package org.forecastsql.engine.arima;

/**
 * Conditional-sum-of-squares estimation (the objective of R's {@code ARIMA_CSS}) by
 * Levenberg-Marquardt with the analytic Jacobian of the residual recursion, instead of R's
 * BFGS with a numerical gradient: the residuals
 * {@code e_t = w_t − Σ φ_k w_{t−k−1} − Σ_{j < t−start} θ_j e_{t−j−1}} (expanded polynomials,
 * w the differenced series less the differenced regression) have derivatives that follow the
 * same recursion, {@code J_t = −(∂φ·w)_t − (∂θ·e)_t − Σ θ_j J_{t−j−1}}, and the chain rule
 * through the seasonal products of {@link ArimaTransforms#transPars}. It converges in a few
 * iterations where BFGS takes hundreds of function evaluations; the minimiser is the same.
 * Marquardt (1963) damping with the diagonal of J'J; stops when the relative decrease of the
 * sum of squares is below 1e-7 (about R's reltol 1.5e-8 on the objective 0.5·log(S/n)) or after 100 iterations.
 */
final class CssLeastSquares {
    private CssLeastSquares() {
    }

    /** The minimiser and whether it converged. */
    record Result(double[] par, double sigma2, boolean converged) {
    }

    static Result fit(double[] dy, double[][] dxr, ArimaOrder o, double[] init) {
        int npar = init.length;
        int narma = o.narma();
        int n = dy.length;
        int start = o.expandedP();
        if (n - start <= 0) {
            return new Result(init.clone(), Double.NaN, false);
        }
        double[] par = init.clone();
        double[] e = new double[n];
        double[] w = new double[n];
        double[][] jac = new double[npar][n];
        double[] work = new double[n];
        double s = residuals(dy, dxr, o, par, w, e, work);
        double lambda = 1e-3;
        boolean converged = false;
        double[] g = new double[npar];
        double[] a = new double[npar * npar];
        double[] trial = new double[npar];
        double[] we = new double[n];
        double[] ee = new double[n];
        double[] m = new double[npar * npar];
        double[] b = new double[npar];
        int iter = 0;
        for (; iter < 100 && !converged; iter++) {
            jacobian(dxr, o, par, w, e, jac, work);
            normalEquations(jac, e, start, n, a, g);
            boolean accepted = false;
            while (!accepted) {
                System.arraycopy(a, 0, m, 0, npar * npar);
                for (int i = 0; i < npar; i++) {
                    double di = a[i * npar + i];
                    m[i * npar + i] = di + lambda * (di > 0 ? di : 1e-12);
                    b[i] = -g[i];
                }
                if (!ArimaStateSpace.solve(m, b, npar)) {
                    lambda *= 10;
                    if (lambda > 1e12) {
                        return new Result(par, s / (n - start), false);
                    }
                    continue;
                }
                double maxStep = 0;
                for (int i = 0; i < npar; i++) {
                    trial[i] = par[i] + b[i];
                    maxStep = Math.max(maxStep, Math.abs(b[i]) / (Math.abs(par[i]) + 1e-8));
                }
                double st = residuals(dy, dxr, o, trial, we, ee, work);
                if (Double.isFinite(st) && st <= s) {
                    accepted = true;
                    double decrease = s - st;
                    System.arraycopy(trial, 0, par, 0, npar);
                    double[] swap = w;
                    w = we;
                    we = swap;
                    swap = e;
                    e = ee;
                    ee = swap;
                    s = st;
                    lambda = Math.max(lambda / 10, 1e-12);
                    if (decrease <= 1e-7 * s || maxStep < 1e-9) {
                        converged = true;
                    }
                } else {
                    lambda *= 10;
                    if (lambda > 1e12 || maxStep < 1e-12) {
                        return new Result(par, s / (n - start), true);
                    }
                }
            }
        }
        return new Result(par, s / (n - start), converged);
    }

    /**
     * The Gauss-Newton normal equations {@code a = J'J} (npar×npar, row-major, symmetric) and
     * {@code g = J'e} over {@code t ∈ [start, n)}. Two columns of J share each pass over t; every
     * entry is still one left-to-right sum, so the values are those of separate dot products.
     */
    static void normalEquations(double[][] jac, double[] e, int start, int n, double[] a, double[] g) {
        int npar = jac.length;
        for (int i = 0; i < npar; i++) {
            double[] ji = jac[i];
            double gi = 0;
            for (int t = start; t < n; t++) {
                gi += ji[t] * e[t];
            }
            g[i] = gi;
            int k = 0;
            for (; k + 3 <= i; k += 4) {
                double[] j0 = jac[k];
                double[] j1 = jac[k + 1];
                double[] j2 = jac[k + 2];
                double[] j3 = jac[k + 3];
                double v0 = 0;
                double v1 = 0;
                double v2 = 0;
                double v3 = 0;
                for (int t = start; t < n; t++) {
                    double x = ji[t];
                    v0 += x * j0[t];
                    v1 += x * j1[t];
                    v2 += x * j2[t];
                    v3 += x * j3[t];
                }
                a[i * npar + k] = v0;
                a[k * npar + i] = v0;
                a[i * npar + k + 1] = v1;
                a[(k + 1) * npar + i] = v1;
                a[i * npar + k + 2] = v2;
                a[(k + 2) * npar + i] = v2;
                a[i * npar + k + 3] = v3;
                a[(k + 3) * npar + i] = v3;
            }
            for (; k + 1 <= i; k += 2) {
                double[] j0 = jac[k];
                double[] j1 = jac[k + 1];
                double v0 = 0;
                double v1 = 0;
                for (int t = start; t < n; t++) {
                    double x = ji[t];
                    v0 += x * j0[t];
                    v1 += x * j1[t];
                }
                a[i * npar + k] = v0;
                a[k * npar + i] = v0;
                a[i * npar + k + 1] = v1;
                a[(k + 1) * npar + i] = v1;
            }
            if (k == i) {
                double v = 0;
                for (int t = start; t < n; t++) {
                    v += ji[t] * ji[t];
                }
                a[i * npar + i] = v;
            }
        }
    }

    /**
     * w = dy − Σ β dx and the CSS residuals e; returns Σ e². The expanded polynomials are applied
     * in factored form, {@code e = Θ(B^s)⁻¹ θ(B)⁻¹ φ(B) Φ(B^s) w} (inverses with zero initial
     * values from {@code start}, which compose exactly): p + P + q + Q operations per observation
     * instead of the expanded (p + P + pP) + (q + Q + qQ).
     */
    private static double residuals(double[] dy, double[][] dxr, ArimaOrder o, double[] par, double[] w, double[] e, double[] work) {
        int narma = o.narma();
        int n = dy.length;
        System.arraycopy(dy, 0, w, 0, n);
        for (int j = 0; j < dxr.length; j++) {
            double b = par[narma + j];
            double[] c = dxr[j];
            for (int t = 0; t < n; t++) {
                w[t] -= b * c[t];
            }
        }
        int start = o.expandedP();
        java.util.Arrays.fill(e, 0, start, 0.0);
        arFilter(w, o, par, start, e, work);
        maInverse(e, start, o, par);
        double ssq = 0;
        for (int t = start; t < n; t++) {
            ssq += e[t] * e[t];
        }
        return ssq;
    }

    /**
     * out[t] = (φ(B) Φ(B^s) x)_t for t ≥ start (start ≥ p + sP); out before start untouched.
     * With a seasonal part, {@code u = Φ(B^s) x} is formed once (into {@code work}, from
     * start − p on) and then {@code out = φ(B) u}: the same operations in the same order as
     * expanding {@code φ_i·(Φ(B^s) x)_{t−i−1}} per lag, p·P fewer per observation.
     */
    private static void arFilter(double[] x, ArimaOrder o, double[] par, int start, double[] out, double[] work) {
        int mp = o.p();
        int msp = o.bigP();
        int ns = o.s();
        int base = mp + o.q();
        int n = x.length;
        double[] u = x;
        if (msp > 0) {
            u = work;
            seasonalArFilter(x, par, base, msp, ns, start - mp, n, u);
        }
        for (int t = start; t < n; t++) {
            double v = u[t];
            for (int i = 0; i < mp; i++) {
                v -= par[i] * u[t - i - 1];
            }
            out[t] = v;
        }
    }

    /** u[t] = x[t] − Σ_j Φ_j x[t − (j+1)s] for t ∈ [from, n) (Φ = par[base…base+P)). */
    private static void seasonalArFilter(double[] x, double[] par, int base, int msp, int ns, int from, int n, double[] u) {
        for (int t = from; t < n; t++) {
            double v = x[t];
            for (int j = 0; j < msp; j++) {
                v -= par[base + j] * x[t - (j + 1) * ns];
            }
            u[t] = v;
        }
    }

    /** u[t] = x[t] − Σ_i φ_i x[t − i − 1] for t ∈ [from, n). */
    private static void nonSeasonalArFilter(double[] x, double[] par, int mp, int from, int n, double[] u) {
        for (int t = from; t < n; t++) {
            double v = x[t];
            for (int i = 0; i < mp; i++) {
                v -= par[i] * x[t - i - 1];
            }
            u[t] = v;
        }
    }

    /**
     * In place, x ← Θ(B^s)⁻¹ θ(B)⁻¹ x on [start, n) with zero values before start (the MA
     * recursion of ARIMA_CSS with its {@code j < t − ncond} truncation).
     */
    private static void maInverse(double[] x, int start, ArimaOrder o, double[] par) {
        int mp = o.p();
        int mq = o.q();
        int msq = o.bigQ();
        int ns = o.s();
        int sqBase = mp + mq + o.bigP();
        int n = x.length;
        if (mq > 0) {
            for (int t = start; t < n; t++) {
                double v = x[t];
                int lim = Math.min(mq, t - start);
                for (int i = 0; i < lim; i++) {
                    v -= par[mp + i] * x[t - i - 1];
                }
                x[t] = v;
            }
        }
        if (msq > 0) {
            for (int t = start; t < n; t++) {
                double v = x[t];
                for (int j = 0; j < msq; j++) {
                    int lag = (j + 1) * ns;
                    if (t - lag < start) {
                        break;
                    }
                    v -= par[sqBase + j] * x[t - lag];
                }
                x[t] = v;
            }
        }
    }

    /**
     * J[c][t] = ∂e_t/∂par_c, e = θ*(B)⁻¹ φ*(B) w with θ* = θ(B)Θ(B^s), φ* = φ(B)Φ(B^s):
     * <ul>
     * <li>MA: {@code ∂e/∂θ_i = −B^{i+1} θ(B)⁻¹ e} and {@code ∂e/∂Θ_j = −B^{(j+1)s} Θ(B^s)⁻¹ e},
     *     lags of one filtered series each (exact: e is zero before start);</li>
     * <li>AR: {@code ∂e/∂φ_i = −θ*⁻¹ [B^{i+1} Φ(B^s) w]} and {@code ∂e/∂Φ_j = −θ*⁻¹ [B^{(j+1)s} φ(B) w]},
     *     the bracket taken from start on, one MA inversion each;</li>
     * <li>regression: {@code ∂e/∂β_j = −θ*⁻¹ φ*(B) dx_j}.</li>
     * </ul>
     */
    private static void jacobian(double[][] dxr, ArimaOrder o, double[] par, double[] w, double[] e, double[][] jac, double[] work) {
        int n = w.length;
        int start = o.expandedP();
        int mp = o.p();
        int mq = o.q();
        int msp = o.bigP();
        int msq = o.bigQ();
        int ns = o.s();
        int narma = o.narma();
        int sarBase = mp + mq;
        // the AR columns are lags of Φ(B^s) w (non-seasonal) and φ(B) w (seasonal), each formed once
        if (mp > 0) {
            double[] sw = w;
            if (msp > 0) {
                sw = work;
                seasonalArFilter(w, par, sarBase, msp, ns, start - mp, n, sw);
            }
            for (int i = 0; i < mp; i++) {
                double[] jc = jac[i];
                java.util.Arrays.fill(jc, 0, start, 0.0);
                for (int t = start; t < n; t++) {
                    jc[t] = -sw[t - i - 1];
                }
                maInverse(jc, start, o, par);
            }
        }
        if (msp > 0) {
            double[] nw = w;
            if (mp > 0) {
                nw = work;
                nonSeasonalArFilter(w, par, mp, start - msp * ns, n, nw);
            }
            for (int j = 0; j < msp; j++) {
                double[] jc = jac[sarBase + j];
                java.util.Arrays.fill(jc, 0, start, 0.0);
                int lag = (j + 1) * ns;
                for (int t = start; t < n; t++) {
                    jc[t] = -nw[t - lag];
                }
                maInverse(jc, start, o, par);
            }
        }
        if (mq > 0) {
            // v = θ(B)⁻¹ e into the first MA column, then the other columns are its lags
            double[] v = jac[mp];
            System.arraycopy(e, 0, v, 0, n);
            java.util.Arrays.fill(v, 0, start, 0.0);
            for (int t = start; t < n; t++) {
                double x = v[t];
                int lim = Math.min(mq, t - start);
                for (int i = 0; i < lim; i++) {
                    x -= par[mp + i] * v[t - i - 1];
                }
                v[t] = x;
            }
            for (int i = mq - 1; i >= 0; i--) {
                double[] jc = jac[mp + i];
                for (int t = n - 1; t >= start; t--) {
                    int u = t - i - 1;
                    jc[t] = u >= start ? -v[u] : 0.0;
                }
                java.util.Arrays.fill(jc, 0, start, 0.0);
            }
        }
        if (msq > 0) {
            int sqBase = mp + mq + msp;
            double[] u = jac[sqBase];
            System.arraycopy(e, 0, u, 0, n);
            java.util.Arrays.fill(u, 0, start, 0.0);
            for (int t = start; t < n; t++) {
                double x = u[t];
                for (int j = 0; j < msq; j++) {
                    int lag = (j + 1) * ns;
                    if (t - lag < start) {
                        break;
                    }
                    x -= par[sqBase + j] * u[t - lag];
                }
                u[t] = x;
            }
            for (int j = msq - 1; j >= 0; j--) {
                double[] jc = jac[sqBase + j];
                int lag = (j + 1) * ns;
                for (int t = n - 1; t >= start; t--) {
                    int k = t - lag;
                    jc[t] = k >= start ? -u[k] : 0.0;
                }
                java.util.Arrays.fill(jc, 0, start, 0.0);
            }
        }
        for (int c = narma; c < par.length; c++) {
            double[] jc = jac[c];
            java.util.Arrays.fill(jc, 0, start, 0.0);
            arFilter(dxr[c - narma], o, par, start, jc, work);
            for (int t = start; t < n; t++) {
                jc[t] = -jc[t];
            }
            maInverse(jc, start, o, par);
        }
    }

    /** Indices of the non-zero entries, ascending (expanded seasonal polynomials are mostly zero). */
    static int[] nonZero(double[] v) {
        int k = 0;
        for (double x : v) {
            if (x != 0) {
                k++;
            }
        }
        int[] idx = new int[k];
        k = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                idx[k++] = i;
            }
        }
        return idx;
    }
}
