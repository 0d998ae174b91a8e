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
    enum Method { CSS, CSS_ML }

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
        double[][] xr = xreg;
        String[] names = xregNames;
        if (includeMean && nd == 0) {
            xr = new double[xreg.length + 1][];
            names = new String[xreg.length + 1];
            double[] one = new double[n];
            java.util.Arrays.fill(one, 1);
            xr[0] = one;
            names[0] = "intercept";
            System.arraycopy(xreg, 0, xr, 1, xreg.length);
            System.arraycopy(xregNames, 0, names, 1, xreg.length);
        }
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
            if (method == Method.CSS) {
                CssLeastSquares.Result res = CssLeastSquares.fit(dy, dxr, o, init);
                double[] coef = res.par();
                double[][] tp = ArimaTransforms.transPars(coef, o, false);
                double[] x = regressionResidual(y, xr, coef, narma, new double[n]).clone();
                ArimaStateSpace ss = new ArimaStateSpace(tp[0], tp[1], delta);
                double[] resid = new double[n];
                double sigma2 = ArimaStateSpace.css(x, o, tp[0], tp[1], ncond, resid);
                double[] state = null;
                double[] cov = null;
                if (ss.like(x, null, steadyTol) != null) {
                    state = ss.a.clone();
                    cov = ss.pmat.clone();
                }
                double value = 2 * nUsed * 0.5 * Math.log(sigma2) + nUsed + nUsed * Math.log(2 * Math.PI);
                return new ArimaFit(o, coef, names, sigma2, -0.5 * value, Double.NaN, nUsed, resid, tp[0], tp[1], delta, state, cov);
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
            coef = ArimaTransforms.undoPars(coef, o);
            double[][] tp = ArimaTransforms.transPars(coef, o, false);
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
            return new ArimaFit(o, coef, names, sigma2, -0.5 * v2, aic, nUsed, resid, tp[0], tp[1], delta, ss.a.clone(), ss.pmat.clone());
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
        double[][] xr = xreg;
        String[] names = xregNames;
        if (includeMean && o.d() + o.bigD() == 0) {
            xr = new double[xreg.length + 1][];
            names = new String[xreg.length + 1];
            double[] one = new double[n];
            java.util.Arrays.fill(one, 1);
            xr[0] = one;
            names[0] = "intercept";
            System.arraycopy(xreg, 0, xr, 1, xreg.length);
            System.arraycopy(xregNames, 0, names, 1, xreg.length);
        }
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
                ss.pmat.clone());
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
}
