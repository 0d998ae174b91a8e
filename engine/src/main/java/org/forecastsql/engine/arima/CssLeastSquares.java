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
        double s = residuals(dy, dxr, o, par, w, e);
        double lambda = 1e-3;
        boolean converged = false;
        double[] g = new double[npar];
        double[] a = new double[npar * npar];
        double[] trial = new double[npar];
        double[] we = new double[n];
        double[] ee = new double[n];
        int iter = 0;
        for (; iter < 100 && !converged; iter++) {
            jacobian(dxr, o, par, w, e, jac);
            for (int i = 0; i < npar; i++) {
                double gi = 0;
                double[] ji = jac[i];
                for (int t = start; t < n; t++) {
                    gi += ji[t] * e[t];
                }
                g[i] = gi;
                for (int k = 0; k <= i; k++) {
                    double[] jk = jac[k];
                    double v = 0;
                    for (int t = start; t < n; t++) {
                        v += ji[t] * jk[t];
                    }
                    a[i * npar + k] = v;
                    a[k * npar + i] = v;
                }
            }
            boolean accepted = false;
            while (!accepted) {
                double[] m = a.clone();
                double[] b = new double[npar];
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
                double st = residuals(dy, dxr, o, trial, we, ee);
                if (Double.isFinite(st) && st <= s) {
                    accepted = true;
                    double decrease = s - st;
                    System.arraycopy(trial, 0, par, 0, npar);
                    System.arraycopy(we, 0, w, 0, n);
                    System.arraycopy(ee, 0, e, 0, n);
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

    /** w = dy − Σ β dx and the CSS residuals e; returns Σ e². */
    private static double residuals(double[] dy, double[][] dxr, ArimaOrder o, double[] par, double[] w, double[] e) {
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
        double[][] tp = ArimaTransforms.transPars(par, o, false);
        double v = ArimaStateSpace.cssDifferenced(w, o.expandedP(), tp[0], tp[1], e);
        return v * (n - o.expandedP());
    }

    /** J[c][t] = ∂e_t/∂par_c by the residual recursion. */
    private static void jacobian(double[][] dxr, ArimaOrder o, double[] par, double[] w, double[] e, double[][] jac) {
        int n = w.length;
        int start = o.expandedP();
        int mp = o.p();
        int mq = o.q();
        int msp = o.bigP();
        int msq = o.bigQ();
        int ns = o.s();
        double[][] tp = ArimaTransforms.transPars(par, o, false);
        double[] phi = tp[0];
        double[] theta = tp[1];
        int pf = phi.length;
        int qf = theta.length;
        double[] dphi = new double[pf];
        double[] dtheta = new double[qf];
        int narma = o.narma();
        int[] phiNz = nonZero(phi);
        int[] thetaNz = nonZero(theta);
        for (int c = 0; c < par.length; c++) {
            java.util.Arrays.fill(dphi, 0);
            java.util.Arrays.fill(dtheta, 0);
            double[] dx = null;
            if (c < mp) {
                dphi[c] = 1;
                for (int j = 0; j < msp; j++) {
                    dphi[(j + 1) * ns + c] -= par[mp + mq + j];
                }
            } else if (c < mp + mq) {
                int i = c - mp;
                dtheta[i] = 1;
                for (int j = 0; j < msq; j++) {
                    dtheta[(j + 1) * ns + i] += par[mp + mq + msp + j];
                }
            } else if (c < mp + mq + msp) {
                int j = c - mp - mq;
                dphi[(j + 1) * ns - 1] += 1;
                for (int i = 0; i < mp; i++) {
                    dphi[(j + 1) * ns + i] -= par[i];
                }
            } else if (c < narma) {
                int j = c - mp - mq - msp;
                dtheta[(j + 1) * ns - 1] += 1;
                for (int i = 0; i < mq; i++) {
                    dtheta[(j + 1) * ns + i] += par[mp + i];
                }
            } else {
                dx = dxr[c - narma];
            }
            double[] jc = jac[c];
            int[] dpn = nonZero(dphi);
            int[] dtn = nonZero(dtheta);
            for (int t = start; t < n; t++) {
                double v = 0;
                if (dx != null) {
                    v = -dx[t];
                    for (int k : phiNz) {
                        v += phi[k] * dx[t - k - 1];
                    }
                } else {
                    for (int k : dpn) {
                        v -= dphi[k] * w[t - k - 1];
                    }
                }
                int jm = t - start;
                for (int j : thetaNz) {
                    if (j >= jm) {
                        break;
                    }
                    v -= theta[j] * jc[t - j - 1];
                }
                for (int j : dtn) {
                    if (j >= jm) {
                        break;
                    }
                    v -= dtheta[j] * e[t - j - 1];
                }
                jc[t] = v;
            }
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
