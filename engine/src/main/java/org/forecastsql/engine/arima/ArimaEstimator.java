package org.forecastsql.engine.arima;

import org.forecastsql.engine.model.ModelFitException;

/**
 * R's {@code stats::arima} ({@code src/library/stats/R/arima.R}, R 4.x) for complete series:
 * regression with ARIMA errors, methods {@code "CSS"} (conditional sum of squares) and
 * {@code "CSS-ML"} (CSS for start values, then exact Gaussian ML by the Kalman filter of
 * {@link ArimaStateSpace} with the AR parts kept stationary by {@link ArimaTransforms#partrans}
 * and MA parts inverted by {@code maInvert}); optimiser {@link Bfgs} as {@code optim}.
 *
 * <p>Differences from R, by design: R rotates several regressors by their SVD before
 * optimising (only a change of coordinates); here they are used as given, with R's parameter
 * scaling {@code parscale = 10·se}. The Hessian (R's {@code var.coef}) is not computed. The ML
 * objective is evaluated on the differenced series ({@link ArimaStateSpace#armaLike}, the
 * diffuse limit of R's kappa = 1e6 filter); the reported log-likelihood, sigma2, residuals and
 * final state come from R's filter. Method {@code CSS} (used alone) minimises the same sum of
 * squares by {@link CssLeastSquares} rather than BFGS.
 */
final class ArimaEstimator {
    /**
     * {@code CSS_SEARCH} is {@code CSS} without the final Kalman pass for the end-of-series state
     * (the order search ranks thousands of CSS fits and keeps the state of none of them).
     */
    enum Method { CSS, CSS_SEARCH, CSS_ML }

    /** Relative tolerance for the steady-state shortcut of the Kalman filter (0: exactly as R). */
    private final double steadyTol;

    ArimaEstimator(double steadyTol) {
        this.steadyTol = steadyTol;
    }

    /**
     * Fits {@code y} with ARIMA {@code o} errors on the regressors {@code xreg} (columns); with
     * {@code includeMean} and no differencing an intercept column is added first, as R.
     */
    ArimaFit fit(double[] y, ArimaOrder o, double[][] xreg, String[] xregNames, boolean includeMean, Method method)
            throws ModelFitException {
        return fit(y, o, xreg, xregNames, includeMean, method, null);
    }

    /**
     * As {@link #fit(double[], ArimaOrder, double[][], String[], boolean, Method)}; for CSS-ML,
     * {@code cssStart} (when non-null) replaces the CSS stage: the CSS estimates of the same model
     * that the approximate search already computed.
     */
    ArimaFit fit(double[] y, ArimaOrder o, double[][] xreg, String[] xregNames, boolean includeMean, Method method, double[] cssStart)
            throws ModelFitException {
        int n = y.length;
        double[] delta = ArimaTransforms.delta(o);
        int nd = o.d() + o.bigD();
        boolean intercept = includeMean && nd == 0;
        double[][] xr = intercept ? withIntercept(xreg, n) : xreg;
        String[] names = intercept ? withInterceptName(xregNames) : xregNames;
        int narma = o.narma();
        int ncx = xr.length;
        int npar = narma + ncx;
        double[] init = new double[npar];
        double[] parscale = new double[npar];
        java.util.Arrays.fill(parscale, 1);
        int nUsed = n - delta.length;
        if (nUsed <= 0) {
            throw new ModelFitException("series too short for " + o.label());
        }
        if (ncx > 0) {
            double[] dx = difference(y, o);
            double[][] dxr = new double[ncx][];
            for (int j = 0; j < ncx; j++) {
                dxr[j] = difference(xr[j], o);
            }
            double[][] lm = dx.length > ncx ? LinearRegression.fit(dx, dxr) : null;
            if (lm == null) {
                lm = LinearRegression.fit(y, xr);
            }
            if (lm == null) {
                throw new ModelFitException("regressors are collinear");
            }
            for (int j = 0; j < ncx; j++) {
                init[narma + j] = lm[0][j];
                double se = lm[1][j];
                parscale[narma + j] = se > 0 && Double.isFinite(se) ? 10 * se : 1;
            }
        }
        int ncond = o.cssConditioning();
        // Differencing is linear: difference y and the regressors once, not per evaluation.
        double[] dy = difference(y, o);
        double[][] dxr = new double[ncx][];
        for (int j = 0; j < ncx; j++) {
            dxr[j] = difference(xr[j], o);
        }
        double[] dwork = new double[dy.length];
        double[] cssWork = new double[dy.length];
        int cssFrom = o.expandedP();
        Bfgs.Objective armaCss = par -> {
            double[][] tp = ArimaTransforms.transPars(par, o, false);
            double[] w = regressionResidual(dy, dxr, par, narma, dwork);
            return 0.5 * Math.log(ArimaStateSpace.cssDifferenced(w, cssFrom, tp[0], tp[1], cssWork));
        };
        try {
            if (method == Method.CSS || method == Method.CSS_SEARCH) {
                CssLeastSquares.Result res = CssLeastSquares.fit(dy, dxr, o, init);
                double[] coef = res.par();
                double[][] tp = ArimaTransforms.transPars(coef, o, false);
                double[] x = regressionResidual(y, xr, coef, narma, new double[n]).clone();
                ArimaStateSpace ss = new ArimaStateSpace(tp[0], tp[1], delta);
                double[] resid = new double[n];
                double sigma2 = ArimaStateSpace.css(x, o, tp[0], tp[1], ncond, resid);
                double[] state = null;
                double[] cov = null;
                if (method == Method.CSS && ss.like(x, null, steadyTol) != null) {
                    state = ss.a.clone();
                    cov = ss.pmat.clone();
                }
                double value = 2 * nUsed * 0.5 * Math.log(sigma2) + nUsed + nUsed * Math.log(2 * Math.PI);
                return new ArimaFit(o, coef, names, sigma2, -0.5 * value, Double.NaN, nUsed, resid, tp[0], tp[1], delta, state, cov, true);
            }
            // Start values as R: BFGS on the CSS objective (the path R takes decides which local
            // ML optimum is found, so it is kept); the CSS-only search uses CssLeastSquares.
            if (cssStart != null && cssStart.length == init.length) {
                init = cssStart.clone();
            } else {
                Bfgs.Result cssRes = Bfgs.minimize(armaCss, init, parscale, 100);
                if (cssRes.converged()) {
                    init = cssRes.par();
                }
            }
            if (!ArimaTransforms.arRootsOutside(init, 0, o.p(), 1.0)) {
                throw new ModelFitException("non-stationary AR part from CSS");
            }
            if (!ArimaTransforms.arRootsOutside(init, o.p() + o.q(), o.bigP(), 1.0)) {
                throw new ModelFitException("non-stationary seasonal AR part from CSS");
            }
            init = ArimaTransforms.invtrans(init, o);
            ArimaTransforms.maInvert(init, o.p(), o.q());
            ArimaTransforms.maInvert(init, o.p() + o.q() + o.bigP(), o.bigQ());
            // The likelihood is evaluated on the differenced series (the diffuse limit of R's
            // filter, see ArimaStateSpace.armaLike); the final state comes from the full filter.
            Bfgs.Objective armafn = par -> {
                double[][] tp = ArimaTransforms.transPars(par, o, true);
                double[] w = regressionResidual(dy, dxr, par, narma, dwork);
                ArimaStateSpace.Likelihood lk = ArimaStateSpace.armaLike(w, 0, tp[0], tp[1], steadyTol);
                if (lk == null || lk.nu() == 0) {
                    return Double.MAX_VALUE;
                }
                double v = lk.objective();
                return Double.isFinite(v) ? v : Double.MAX_VALUE;
            };
            if (!Double.isFinite(armafn.value(init)) || armafn.value(init) == Double.MAX_VALUE) {
                throw new ModelFitException("initial likelihood not finite for " + o.label());
            }
            Bfgs.Result res = Bfgs.minimize(armafn, init, parscale, 100);
            double[] coef = res.par().clone();
            ArimaTransforms.maInvert(coef, o.p(), o.q());
            ArimaTransforms.maInvert(coef, o.p() + o.q() + o.bigP(), o.bigQ());
            double[] transformed = coef;
            coef = ArimaTransforms.undoPars(coef, o);
            double[][] tp = ArimaTransforms.transPars(coef, o, false);
            // The Hessian costs 4·npar² likelihoods; auto.arima rejects a model with roots near the
            // unit circle whatever its variance, so the check is only made for the others.
            boolean varianceOk = !AutoArima.rootsOk(o, tp[0], tp[1])
                    || varianceDiagonalNonNegative(armafn, transformed, parscale, o, nUsed);
            ArimaStateSpace ss = new ArimaStateSpace(tp[0], tp[1], delta);
            double[] x = regressionResidual(y, xr, coef, narma, new double[n]).clone();
            double[] resid = new double[n];
            ArimaStateSpace.Likelihood lk = ss.like(x, resid, steadyTol);
            if (lk == null) {
                throw new ModelFitException("non-stationary AR part after ML for " + o.label());
            }
            double sigma2 = lk.ssq() / nUsed;
            double v2 = 2 * nUsed * lk.objective() + nUsed + nUsed * Math.log(2 * Math.PI);
            double aic = v2 + 2 * npar + 2;
            return new ArimaFit(o, coef, names, sigma2, -0.5 * v2, aic, nUsed, resid, tp[0], tp[1], delta, ss.a.clone(), ss.pmat.clone(),
                    varianceOk);
        } catch (IllegalStateException e) {
            throw new ModelFitException(e.getMessage() + " for " + o.label(), e);
        }
    }

    /**
     * The model at fixed coefficients (R's {@code arima(..., fixed = coef)} with every parameter
     * fixed): the Kalman filter is run once; sigma2 = ssq / n.used.
     */
    ArimaFit evaluate(double[] y, ArimaOrder o, double[][] xreg, String[] xregNames, boolean includeMean, double[] coef) {
        int n = y.length;
        boolean intercept = includeMean && o.d() + o.bigD() == 0;
        double[][] xr = intercept ? withIntercept(xreg, n) : xreg;
        String[] names = intercept ? withInterceptName(xregNames) : xregNames;
        double[] delta = ArimaTransforms.delta(o);
        int nUsed = n - delta.length;
        int narma = o.narma();
        double[][] tp = ArimaTransforms.transPars(coef, o, false);
        ArimaStateSpace ss = new ArimaStateSpace(tp[0], tp[1], delta);
        double[] x = regressionResidual(y, xr, coef, narma, new double[n]).clone();
        double[] resid = new double[n];
        ArimaStateSpace.Likelihood lk = ss.like(x, resid, steadyTol);
        double sigma2 = lk == null ? Double.NaN : lk.ssq() / nUsed;
        double loglik = lk == null || lk.nu() == 0 || lk.ssq() == 0 ? Double.NaN
                : -0.5 * (2 * nUsed * lk.objective() + nUsed + nUsed * Math.log(2 * Math.PI));
        return new ArimaFit(o, coef.clone(), names, sigma2, loglik, Double.NaN, nUsed, resid, tp[0], tp[1], delta, ss.a.clone(),
                ss.pmat.clone(), true);
    }

    /**
     * Whether R's {@code var.coef = A' (H·n.used)^{-1} A} has a non-negative diagonal, H the
     * Hessian of the ML objective at the (transformed) optimum by {@code optimhess} (central
     * differences of optim's numerical gradient, steps 1e-3) and A the Jacobian of the
     * transform ({@code ARIMA_Gradtrans}, forward differences 1e-3 through {@code partrans}).
     * forecast's {@code checkarima} rejects a model when {@code sqrt(diag(var.coef))} has a NaN;
     * a singular H makes R's {@code solve} fail, which rejects the model too.
     */
    private static boolean varianceDiagonalNonNegative(Bfgs.Objective fn, double[] par, double[] parscale, ArimaOrder o, int nUsed) {
        int k = par.length;
        if (k == 0) {
            return true;
        }
        double h = 1e-3;
        double[] x = par.clone();
        double[][] hess = new double[k][k];
        double[] g1 = new double[k];
        double[] g2 = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = par[i] + h;
            gradient(fn, x, parscale, g1);
            x[i] = par[i] - h;
            gradient(fn, x, parscale, g2);
            x[i] = par[i];
            for (int j = 0; j < k; j++) {
                hess[i][j] = (g1[j] - g2[j]) / (2 * h);
            }
        }
        double[] m = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                m[i * k + j] = 0.5 * (hess[i][j] + hess[j][i]) * nUsed;
            }
        }
        double[][] a = gradtrans(par, o);
        for (int c = 0; c < k; c++) {
            double[] col = new double[k];
            for (int i = 0; i < k; i++) {
                col[i] = a[i][c];
            }
            double[] mm = m.clone();
            if (!ArimaStateSpace.solve(mm, col, k)) {
                return false;
            }
            double v = 0;
            for (int i = 0; i < k; i++) {
                v += a[i][c] * col[i];
            }
            if (!(v >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** optim's numerical gradient in unscaled coordinates: steps 1e-3·parscale. */
    private static void gradient(Bfgs.Objective fn, double[] x, double[] parscale, double[] g) {
        for (int j = 0; j < x.length; j++) {
            double xj = x[j];
            double step = 1e-3 * parscale[j];
            x[j] = xj + step;
            double f1 = fn.value(x);
            x[j] = xj - step;
            double f2 = fn.value(x);
            x[j] = xj;
            g[j] = (f1 - f2) / (2 * step);
        }
    }

    /** R's {@code ARIMA_Gradtrans}: A[i][j] = ∂partrans_j/∂x_i on the AR blocks, identity elsewhere. */
    private static double[][] gradtrans(double[] x, ArimaOrder o) {
        int n = x.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }
        gradtransBlock(x, 0, o.p(), a);
        gradtransBlock(x, o.p() + o.q(), o.bigP(), a);
        return a;
    }

    private static void gradtransBlock(double[] x, int v, int m, double[][] a) {
        if (m == 0) {
            return;
        }
        double eps = 1e-3;
        double[] w1 = java.util.Arrays.copyOfRange(x, v, v + m);
        double[] w2 = new double[m];
        double[] w3 = new double[m];
        ArimaTransforms.partrans(m, w1, 0, w2, 0);
        for (int i = 0; i < m; i++) {
            w1[i] += eps;
            ArimaTransforms.partrans(m, w1, 0, w3, 0);
            for (int j = 0; j < m; j++) {
                a[i + v][j + v] = (w3[j] - w2[j]) / eps;
            }
            w1[i] -= eps;
        }
    }

    /** y − X·beta, with beta = par[narma…]; returns y itself when there are no regressors. */
    private static double[] regressionResidual(double[] y, double[][] xr, double[] par, int narma, double[] work) {
        if (xr.length == 0) {
            return y;
        }
        System.arraycopy(y, 0, work, 0, y.length);
        for (int j = 0; j < xr.length; j++) {
            double b = par[narma + j];
            double[] col = xr[j];
            for (int t = 0; t < y.length; t++) {
                work[t] -= b * col[t];
            }
        }
        return work;
    }

    /** (1−B)^d (1−B^s)^D x, dropping the first d + sD values. */
    static double[] difference(double[] x, ArimaOrder o) {
        double[] w = x;
        for (int i = 0; i < o.d(); i++) {
            w = diff(w, 1);
        }
        for (int i = 0; i < o.bigD(); i++) {
            w = diff(w, o.s());
        }
        return w;
    }

    static double[] diff(double[] x, int lag) {
        int n = Math.max(0, x.length - lag);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = x[i + lag] - x[i];
        }
        return r;
    }

    /** The regressors with a column of ones in front (the mean of an undifferenced model, as R's arima). */
    private static double[][] withIntercept(double[][] xreg, int n) {
        double[][] xr = new double[xreg.length + 1][];
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1);
        xr[0] = one;
        System.arraycopy(xreg, 0, xr, 1, xreg.length);
        return xr;
    }

    private static String[] withInterceptName(String[] names) {
        String[] out = new String[names.length + 1];
        out[0] = "intercept";
        System.arraycopy(names, 0, out, 1, names.length);
        return out;
    }
}
