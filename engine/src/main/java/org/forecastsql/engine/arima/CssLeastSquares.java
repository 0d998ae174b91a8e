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

    /** Iterations of a fit run to convergence (as R's {@code optim} maxit). */
    static final int MAX_ITERATIONS = 100;

    /**
     * Work arrays of one thread, reused by its fits on series of the same length (a search fits
     * some forty models to one series; zeroing fresh arrays cost as much as an iteration). Every
     * entry a fit reads it has written first.
     */
    private static final class Workspace {
        private static final ThreadLocal<Workspace> CURRENT = new ThreadLocal<>();
        final double[] e;
        final double[] w;
        final double[] work;
        final double[] we;
        final double[] ee;
        final double[] work2;
        final double[] work3;
        final double[][] jac;

        private Workspace(int npar, int n) {
            e = new double[n];
            w = new double[n];
            work = new double[n];
            we = new double[n];
            ee = new double[n];
            work2 = new double[n];
            work3 = new double[n];
            jac = new double[npar][n];
        }

        static Workspace get(int npar, int n) {
            if (n > 20_000) {
                return new Workspace(npar, n);  // not kept: a thread holds at most (7 + npar)·20,000 doubles
            }
            Workspace ws = CURRENT.get();
            if (ws == null || ws.e.length != n || ws.jac.length < npar) {
                ws = new Workspace(Math.max(npar, ws != null && ws.e.length == n ? ws.jac.length : 0), n);
                CURRENT.set(ws);
            }
            return ws;
        }
    }

    /** The minimiser and whether it converged. */
    record Result(double[] par, double sigma2, boolean converged) {
    }

    static Result fit(double[] dy, double[][] dxr, ArimaOrder o, double[] init) {
        return fit(dy, dxr, o, init, MAX_ITERATIONS, false);
    }

    /**
     * As {@link #fit(double[], double[][], ArimaOrder, double[])} with at most {@code maxIter}
     * iterations; with {@code laggedJacobian} the AR columns of the Jacobian are lags of one
     * filtered series ({@link #jacobian}), exact but for the first few observations: the steps
     * differ slightly, the sum of squares they are judged by does not.
     */
    static Result fit(double[] dy, double[][] dxr, ArimaOrder o, double[] init, int maxIter, boolean laggedJacobian) {
        int npar = init.length;
        int narma = o.narma();
        int n = dy.length;
        int start = o.expandedP();
        if (n - start <= 0) {
            return new Result(init.clone(), Double.NaN, false);
        }
        double[] par = init.clone();
        Workspace ws = Workspace.get(npar, n);
        double[] e = ws.e;
        double[] w = ws.w;
        double[][] jac = java.util.Arrays.copyOf(ws.jac, npar);
        double[] work = ws.work;
        double s = residuals(dy, dxr, o, par, w, e, work);
        double lambda = 1e-3;
        boolean converged = false;
        double[] g = new double[npar];
        double[] a = new double[npar * npar];
        double[] trial = new double[npar];
        double[] we = ws.we;
        double[] ee = ws.ee;
        double[] m = new double[npar * npar];
        double[] b = new double[npar];
        int iter = 0;
        for (; iter < maxIter && !converged; iter++) {
            jacobian(dxr, o, par, w, e, jac, work, laggedJacobian, ws.work2, ws.work3);
            normalEquations(jac, e, start, n, a, g);
            boolean accepted = false;
            while (!accepted) {
                if (!dampedStep(a, g, lambda, npar, m, b)) {
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
                        if (laggedJacobian && maxIter >= MAX_ITERATIONS) {
                            // a fit run to convergence: the lagged Jacobian's direction may stall short
                            // of the minimum (its AR columns are least accurate next to an MA unit
                            // root), so it finishes with the exact one
                            laggedJacobian = false;
                            lambda = 1e-3;
                        } else {
                            converged = true;
                        }
                    }
                } else {
                    lambda *= 10;
                    if ((lambda > 1e12 || maxStep < 1e-12) && laggedJacobian) {
                        // near an MA unit root the lagged AR columns may not give a descent
                        // direction: go on with the exact Jacobian rather than stop short
                        laggedJacobian = false;
                        lambda = 1e-3;
                        break;
                    }
                    if (lambda > 1e12 || maxStep < 1e-12) {
                        return new Result(par, s / (n - start), true);
                    }
                }
            }
        }
        return new Result(par, s / (n - start), converged);
    }

    /**
     * The Levenberg-Marquardt step: solves {@code (A + λ·diag(A)) b = −g} (Marquardt 1963 scaling;
     * a zero diagonal counts as 1e-12) with {@code mat} as scratch; false when singular.
     */
    static boolean dampedStep(double[] a, double[] g, double lambda, int k, double[] mat, double[] b) {
        System.arraycopy(a, 0, mat, 0, k * k);
        for (int i = 0; i < k; i++) {
            double di = a[i * k + i];
            mat[i * k + i] = di + lambda * (di > 0 ? di : 1e-12);
            b[i] = -g[i];
        }
        return ArimaStateSpace.solve(mat, b, k);
    }

    /**
     * The Gauss-Newton normal equations {@code a = J'J} (npar×npar, row-major, symmetric) and
     * {@code g = J'e} over {@code t ∈ [start, n)}. Four columns of J (or e) share each pass over t.
     */
    static void normalEquations(double[][] jac, double[] e, int start, int n, double[] a, double[] g) {
        int npar = jac.length;
        double[] out = new double[4];
        for (int i = 0; i < npar; i++) {
            double[] ji = jac[i];
            // partners of column i: columns 0..i, then e (for g); four per pass over t
            int partners = i + 2;
            for (int k = 0; k < partners; k += 4) {
                int cnt = Math.min(4, partners - k);
                double[] c0 = column(jac, e, i, k);
                double[] c1 = cnt > 1 ? column(jac, e, i, k + 1) : c0;
                double[] c2 = cnt > 2 ? column(jac, e, i, k + 2) : c0;
                double[] c3 = cnt > 3 ? column(jac, e, i, k + 3) : c0;
                dot4(ji, c0, c1, c2, c3, start, n, out);
                for (int c = 0; c < cnt; c++) {
                    int col = k + c;
                    if (col <= i) {
                        a[i * npar + col] = out[c];
                        a[col * npar + i] = out[c];
                    } else {
                        g[i] = out[c];
                    }
                }
            }
        }
    }

    private static double[] column(double[][] jac, double[] e, int i, int k) {
        return k <= i ? jac[k] : e;
    }

    /**
     * out[c] = Σ_{t ∈ [start, n)} x_t·c_t for four columns at once, with two accumulators per
     * column (even and odd t) so that eight independent sums share each load of x.
     */
    private static void dot4(double[] x, double[] c0, double[] c1, double[] c2, double[] c3, int start, int n, double[] out) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        int t = start;
        for (; t + 1 < n; t += 2) {
            double x0 = x[t];
            double x1 = x[t + 1];
            a0 += x0 * c0[t];
            b0 += x1 * c0[t + 1];
            a1 += x0 * c1[t];
            b1 += x1 * c1[t + 1];
            a2 += x0 * c2[t];
            b2 += x1 * c2[t + 1];
            a3 += x0 * c3[t];
            b3 += x1 * c3[t + 1];
        }
        if (t < n) {
            double x0 = x[t];
            a0 += x0 * c0[t];
            a1 += x0 * c1[t];
            a2 += x0 * c2[t];
            a3 += x0 * c3[t];
        }
        out[0] = a0 + b0;
        out[1] = a1 + b1;
        out[2] = a2 + b2;
        out[3] = a3 + b3;
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
        nonSeasonalArFilter(u, par, mp, start, n, out);
    }

    /** u[t] = x[t] − Σ_j Φ_j x[t − (j+1)s] for t ∈ [from, n) (Φ = par[base…base+P)). */
    private static void seasonalArFilter(double[] x, double[] par, int base, int msp, int ns, int from, int n, double[] u) {
        if (msp == 1) {
            double f1 = par[base];
            for (int t = from; t < n; t++) {
                u[t] = x[t] - f1 * x[t - ns];
            }
            return;
        }
        if (msp == 2) {
            double f1 = par[base];
            double f2 = par[base + 1];
            for (int t = from; t < n; t++) {
                u[t] = x[t] - f1 * x[t - ns] - f2 * x[t - 2 * ns];
            }
            return;
        }
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
        // the common orders unrolled (the JIT does not unroll a loop of variable length 1..5)
        if (mp == 0) {
            System.arraycopy(x, from, u, from, n - from);
            return;
        }
        if (mp == 1) {
            double f1 = par[0];
            for (int t = from; t < n; t++) {
                u[t] = x[t] - f1 * x[t - 1];
            }
            return;
        }
        if (mp == 2) {
            double f1 = par[0];
            double f2 = par[1];
            for (int t = from; t < n; t++) {
                u[t] = x[t] - f1 * x[t - 1] - f2 * x[t - 2];
            }
            return;
        }
        if (mp == 3) {
            double f1 = par[0];
            double f2 = par[1];
            double f3 = par[2];
            for (int t = from; t < n; t++) {
                u[t] = x[t] - f1 * x[t - 1] - f2 * x[t - 2] - f3 * x[t - 3];
            }
            return;
        }
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
        if (mq > 0) {
            nonSeasonalMaInverse(x, start, par, mp, mq);
        }
        if (o.bigQ() > 0) {
            seasonalMaInverse(x, start, par, mp + mq + o.bigP(), o.bigQ(), o.s());
        }
    }

    /** In place, x ← θ(B)⁻¹ x on [start, n), zero before start; θ = par[base…base+q). */
    private static void nonSeasonalMaInverse(double[] x, int start, double[] par, int base, int mq) {
        nonSeasonalMaInverse(x, start, par, base, mq, x.length);
    }

    /**
     * θ(B)⁻¹ of {@code count} independent series at once (each from its own start, zero before):
     * one series' recursion waits on its previous value, so running two or three in the same loop
     * fills the pipeline. Each value is computed by the same operations as
     * {@link #nonSeasonalMaInverse(double[], int, double[], int, int)} would.
     */
    private static void nonSeasonalMaInverse(double[][] xs, int[] starts, int count, double[] par, int base, int mq) {
        int n = xs[0].length;
        int common = 0;
        for (int c = 0; c < count; c++) {
            common = Math.max(common, starts[c] + mq);
        }
        if (count == 1 || mq > 2 || common >= n) {
            for (int c = 0; c < count; c++) {
                nonSeasonalMaInverse(xs[c], starts[c], par, base, mq);
            }
            return;
        }
        for (int c = 0; c < count; c++) {
            nonSeasonalMaInverse(xs[c], starts[c], par, base, mq, common);
        }
        double th1 = par[base];
        double[] x = xs[0];
        double[] y = xs[1];
        if (count == 2 && mq == 1) {
            double x1 = x[common - 1];
            double y1 = y[common - 1];
            for (int t = common; t < n; t++) {
                x1 = x[t] - th1 * x1;
                y1 = y[t] - th1 * y1;
                x[t] = x1;
                y[t] = y1;
            }
        } else if (count == 2) {
            double th2 = par[base + 1];
            double x1 = x[common - 1];
            double x2 = x[common - 2];
            double y1 = y[common - 1];
            double y2 = y[common - 2];
            for (int t = common; t < n; t++) {
                double v = x[t] - th2 * x2 - th1 * x1;
                double u = y[t] - th2 * y2 - th1 * y1;
                x2 = x1;
                x1 = v;
                y2 = y1;
                y1 = u;
                x[t] = v;
                y[t] = u;
            }
        } else if (mq == 1) {
            double[] z = xs[2];
            double x1 = x[common - 1];
            double y1 = y[common - 1];
            double z1 = z[common - 1];
            for (int t = common; t < n; t++) {
                x1 = x[t] - th1 * x1;
                y1 = y[t] - th1 * y1;
                z1 = z[t] - th1 * z1;
                x[t] = x1;
                y[t] = y1;
                z[t] = z1;
            }
        } else {
            double th2 = par[base + 1];
            double[] z = xs[2];
            double x1 = x[common - 1];
            double x2 = x[common - 2];
            double y1 = y[common - 1];
            double y2 = y[common - 2];
            double z1 = z[common - 1];
            double z2 = z[common - 2];
            for (int t = common; t < n; t++) {
                double v = x[t] - th2 * x2 - th1 * x1;
                double u = y[t] - th2 * y2 - th1 * y1;
                double w = z[t] - th2 * z2 - th1 * z1;
                x2 = x1;
                x1 = v;
                y2 = y1;
                y1 = u;
                z2 = z1;
                z1 = w;
                x[t] = v;
                y[t] = u;
                z[t] = w;
            }
        }
    }

    /** θ(B)⁻¹ on [start, end) of x (zero before start), as if the series ended at end. */
    private static void nonSeasonalMaInverse(double[] x, int start, double[] par, int base, int mq, int end) {
        int n = end;
        int head = Math.min(n, start + mq);
        for (int t = start; t < head; t++) {
            double v = x[t];
            for (int i = t - start - 1; i >= 0; i--) {
                v -= par[base + i] * x[t - i - 1];
            }
            x[t] = v;
        }
        if (head < start + mq) {
            return;
        }
        // the recursion is latency-bound: the most recent value is subtracted last and kept in a
        // register, so each step waits for one multiply-subtract only
        if (mq == 1) {
            double th1 = par[base];
            double x1 = x[head - 1];
            for (int t = head; t < n; t++) {
                x1 = x[t] - th1 * x1;
                x[t] = x1;
            }
        } else if (mq == 2) {
            double th1 = par[base];
            double th2 = par[base + 1];
            double x1 = x[head - 1];
            double x2 = x[head - 2];
            for (int t = head; t < n; t++) {
                double v = x[t] - th2 * x2 - th1 * x1;
                x2 = x1;
                x1 = v;
                x[t] = v;
            }
        } else {
            for (int t = head; t < n; t++) {
                double v = x[t];
                for (int i = mq - 1; i >= 0; i--) {
                    v -= par[base + i] * x[t - i - 1];
                }
                x[t] = v;
            }
        }
    }

    /**
     * In place, x ← Θ(B^s)⁻¹ x on [start, n), zero before start; Θ = par[base…base+Q). Block j
     * covers the season in which the (j+1)-th term first appears.
     */
    private static void seasonalMaInverse(double[] x, int start, double[] par, int base, int msq, int ns) {
        int n = x.length;
        if (msq == 1) {
            double th = par[base];
            for (int t = start + ns; t < n; t++) {
                x[t] -= th * x[t - ns];
            }
            return;
        }
        if (msq == 2) {
            double th1 = par[base];
            double th2 = par[base + 1];
            int mid = Math.min(n, start + 2 * ns);
            for (int t = start + ns; t < mid; t++) {
                x[t] -= th1 * x[t - ns];
            }
            for (int t = mid; t < n; t++) {
                x[t] = x[t] - th2 * x[t - 2 * ns] - th1 * x[t - ns];
            }
            return;
        }
        for (int j = 0; j < msq; j++) {
            int lag = (j + 1) * ns;
            int end = j + 1 < msq ? Math.min(n, start + lag + ns) : n;
            for (int t = start + lag; t < end; t++) {
                double v = x[t];
                for (int k = j; k >= 0; k--) {
                    v -= par[base + k] * x[t - (k + 1) * ns];
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
    private static void jacobian(double[][] dxr, ArimaOrder o, double[] par, double[] w, double[] e, double[][] jac, double[] work,
                                 boolean lagged, double[] work2, double[] work3) {
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
        if (lagged) {
            laggedJacobian(dxr, o, par, w, e, jac, work, work2, work3);
            return;
        }
        // every AR and seasonal AR column, and the base of the MA columns, goes through θ(B)⁻¹ from
        // start: those recursions run three at a time (nonSeasonalMaInverse over several series)
        double[][] pending = new double[mp + msp + 1][];
        int count = 0;
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
                pending[count++] = jc;
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
                pending[count++] = jc;
            }
        }
        int arColumns = count;
        double[] v = null;
        if (mq > 0) {
            // v = θ(B)⁻¹ e in the first MA column; the other MA columns are its lags
            v = jac[mp];
            System.arraycopy(e, 0, v, 0, n);
            java.util.Arrays.fill(v, 0, start, 0.0);
            pending[count++] = v;
            int[] from = {start, start, start};
            for (int c = 0; c < count; c += 3) {
                int group = Math.min(3, count - c);
                nonSeasonalMaInverse(java.util.Arrays.copyOfRange(pending, c, c + group), from, group, par, mp, mq);
            }
        }
        if (msq > 0) {
            for (int c = 0; c < arColumns; c++) {
                seasonalMaInverse(pending[c], start, par, mp + mq + msp, msq, ns);
            }
        }
        if (mq > 0) {
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

    /**
     * The Jacobian of the fast search, every ARMA column a lag of one of four filtered series:
     * {@code ∂e/∂φ_i ≈ −B^{i+1} θ*⁻¹ Φ(B^s) w}, {@code ∂e/∂Φ_j ≈ −B^{(j+1)s} θ*⁻¹ φ(B) w} (the MA
     * inversions started p, resp. Ps, observations early: these columns differ from the exact
     * ones of {@link #jacobian} only through the start of the recursion, a difference that decays
     * geometrically) and, exactly, {@code ∂e/∂θ_i = −B^{i+1} θ(B)⁻¹ e},
     * {@code ∂e/∂Θ_j = −B^{(j+1)s} Θ(B^s)⁻¹ e}. Four recursions instead of p + P + 2; the lags
     * are block copies. {@code work} is scratch.
     */
    private static void laggedJacobian(double[][] dxr, ArimaOrder o, double[] par, double[] w, double[] e, double[][] jac,
                                       double[] work, double[] work2, double[] work3) {
        int n = w.length;
        int start = o.expandedP();
        int mp = o.p();
        int mq = o.q();
        int msp = o.bigP();
        int msq = o.bigQ();
        int ns = o.s();
        int sarBase = mp + mq;
        int sqBase = mp + mq + msp;
        // the bases of the AR, seasonal AR and MA columns; their θ(B)⁻¹ recursions run side by side
        double[][] chains = new double[3][];
        int[] from = new int[3];
        int count = 0;
        if (mp > 0) {
            int f = start - mp;
            if (msp > 0) {
                seasonalArFilter(w, par, sarBase, msp, ns, f, n, work);
            } else {
                System.arraycopy(w, f, work, f, n - f);
            }
            java.util.Arrays.fill(work, 0, f, 0.0);
            chains[count] = work;
            from[count++] = f;
        }
        if (msp > 0) {
            int f = start - msp * ns;
            if (mp > 0) {
                nonSeasonalArFilter(w, par, mp, f, n, work2);
            } else {
                System.arraycopy(w, f, work2, f, n - f);
            }
            java.util.Arrays.fill(work2, 0, f, 0.0);
            chains[count] = work2;
            from[count++] = f;
        }
        if (mq > 0) {
            System.arraycopy(e, start, work3, start, n - start);
            java.util.Arrays.fill(work3, 0, start, 0.0);
            chains[count] = work3;
            from[count++] = start;
            nonSeasonalMaInverse(chains, from, count, par, mp, mq);
        }
        if (mp > 0) {
            if (msq > 0) {
                seasonalMaInverse(work, start - mp, par, sqBase, msq, ns);
            }
            lagColumns(work, jac, 0, mp, 1, start);
        }
        if (msp > 0) {
            if (msq > 0) {
                seasonalMaInverse(work2, start - msp * ns, par, sqBase, msq, ns);
            }
            lagColumns(work2, jac, sarBase, msp, ns, start);
        }
        if (mq > 0) {
            lagColumns(work3, jac, mp, mq, 1, start);
        }
        if (msq > 0) {
            System.arraycopy(e, start, work, start, n - start);
            java.util.Arrays.fill(work, 0, start, 0.0);
            seasonalMaInverse(work, start, par, sqBase, msq, ns);
            lagColumns(work, jac, sqBase, msq, ns, start);
        }
        for (int c = o.narma(); c < par.length; c++) {
            double[] jc = jac[c];
            java.util.Arrays.fill(jc, 0, start, 0.0);
            arFilter(dxr[c - o.narma()], o, par, start, jc, work);
            for (int t = start; t < n; t++) {
                jc[t] = -jc[t];
            }
            maInverse(jc, start, o, par);
        }
    }

    /**
     * jac[first + j][t] = −z[t − (j+1)·step] for t ≥ start (zero before; z is negated in place,
     * and its entries before start are read only where they were set).
     */
    private static void lagColumns(double[] z, double[][] jac, int first, int count, int step, int start) {
        int n = z.length;
        int from = Math.max(0, start - count * step);
        for (int t = from; t < n; t++) {
            z[t] = -z[t];
        }
        for (int j = 0; j < count; j++) {
            double[] jc = jac[first + j];
            int lag = (j + 1) * step;
            int src = start - lag;
            int dst = start;
            if (src < 0) {
                // before the start of the series: zeros (z is zero before start wherever that happens)
                dst = Math.min(n, start - src);
                src = 0;
            }
            java.util.Arrays.fill(jc, 0, dst, 0.0);
            System.arraycopy(z, src, jc, dst, n - dst);
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
