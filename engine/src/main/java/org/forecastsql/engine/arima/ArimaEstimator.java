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
    enum Method {
        CSS, CSS_SEARCH, CSS_ML,
        /**
         * {@code CSS_ML} with the ML stage minimised by Levenberg-Marquardt on the likelihood in
         * least-squares form ({@link #levenbergMarquardt}) instead of R's BFGS with a numerical
         * gradient: the same optimum (to the optimiser's tolerance) in about a tenth of the
         * likelihood evaluations. The fast order search refits its chosen model with it.
         */
        CSS_ML_GN
    }

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
        return fit(y, o, xreg, xregNames, includeMean, method, cssStart, null);
    }

    /**
     * The start values and iteration budget of the fast search's CSS fits: Hannan-Rissanen
     * estimates ({@link HannanRissanen}, one per set of regressors, shared by every candidate)
     * and at most {@code maxIter} Levenberg-Marquardt steps. One per search; not thread-safe.
     */
    static final class SearchStarts {
        private final int maxIter;
        private final int season;
        private final int nonSeasonal;
        private final int seasonal;
        private final java.util.Map<Integer, Prepared> byRegressors = new java.util.HashMap<>();

        /** What every candidate with the same regressors shares: differenced data, β start, HR. */
        private record Prepared(double[] dy, double[][] dxr, double[] beta, HannanRissanen hr) {
        }

        /**
         * @param season the series' season: the seasonal lags of every candidate, whichever
         *               candidate (perhaps a non-seasonal one) forms the shared cross products first
         */
        SearchStarts(int maxIter, int season, int nonSeasonal, int seasonal) {
            this.maxIter = maxIter;
            this.season = season;
            this.nonSeasonal = nonSeasonal;
            this.seasonal = seasonal;
        }
    }

    /**
     * As {@link #fit(double[], ArimaOrder, double[][], String[], boolean, Method, double[])};
     * with {@code starts} (method {@code CSS_SEARCH} only) the CSS fit starts from the
     * Hannan-Rissanen estimates and stops after the budget of iterations.
     */
    ArimaFit fit(double[] y, ArimaOrder o, double[][] xreg, String[] xregNames, boolean includeMean, Method method, double[] cssStart,
                 SearchStarts starts) throws ModelFitException {
        int n = y.length;
        double[] delta = ArimaTransforms.delta(o);
        int nd = o.d() + o.bigD();
        boolean intercept = includeMean && nd == 0;
        double[][] xr = intercept ? withIntercept(xreg, n) : xreg;
        String[] names = intercept ? withInterceptName(xregNames) : xregNames;
        int narma = o.narma();
        int ncx = xr.length;
        if (starts != null && method == Method.CSS_SEARCH) {
            return searchFit(y, o, xr, names, starts);
        }
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
                double[] resid = new double[n];
                double sigma2 = ArimaStateSpace.css(x, o, tp[0], tp[1], ncond, resid);
                double[] state = null;
                double[] cov = null;
                if (method == Method.CSS) {
                    ArimaStateSpace ss = new ArimaStateSpace(tp[0], tp[1], delta);
                    if (ss.like(x, null, steadyTol) != null) {
                        state = ss.a.clone();
                        cov = ss.pmat.clone();
                    }
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
            double[] coef;
            double[] info = new double[init.length * init.length];
            boolean gaussNewton = false;
            if (method == Method.CSS_ML_GN) {
                double[] std = new double[dy.length];
                Residuals lsq = (par, out) -> {
                    double[][] tp = ArimaTransforms.transPars(par, o, true);
                    double[] w = regressionResidual(dy, dxr, par, narma, dwork);
                    ArimaStateSpace.Likelihood lk = ArimaStateSpace.armaLike(w, 0, tp[0], tp[1], steadyTol, std);
                    if (lk == null || lk.nu() == 0 || !(lk.ssq() > 0)) {
                        return Double.NaN;
                    }
                    double scale = Math.exp(0.5 * lk.sumlog() / lk.nu());
                    double ss = 0;
                    for (int t = 0; t < std.length; t++) {
                        double r = std[t] * scale;
                        out[t] = r;
                        ss += r * r;
                    }
                    return ss;
                };
                // an optimum on the boundary (a unit AR or MA root) is approached ever more slowly;
                // auto.arima rejects roots within 1.01 whatever the exact optimum, so stop there
                // (judged after maInvert, as the result will be: an iterate on the non-invertible
                // side of an MA root has the same likelihood as its inverted image)
                java.util.function.Predicate<double[]> rejected = par -> {
                    double[] inv = par.clone();
                    ArimaTransforms.maInvert(inv, o.p(), o.q());
                    ArimaTransforms.maInvert(inv, o.p() + o.q() + o.bigP(), o.bigQ());
                    double[][] tp = ArimaTransforms.transPars(inv, o, true);
                    return !AutoArima.rootsOk(o, tp[0], tp[1]);
                };
                coef = levenbergMarquardt(lsq, init, parscale, dy.length, 100, rejected, info);
                gaussNewton = coef != null;
                if (coef == null) {
                    coef = Bfgs.minimize(armafn, init, parscale, 100).par().clone();
                }
            } else {
                coef = Bfgs.minimize(armafn, init, parscale, 100).par().clone();
            }
            ArimaTransforms.maInvert(coef, o.p(), o.q());
            ArimaTransforms.maInvert(coef, o.p() + o.q() + o.bigP(), o.bigQ());
            double[] transformed = coef;
            coef = ArimaTransforms.undoPars(coef, o);
            double[][] tp = ArimaTransforms.transPars(coef, o, false);
            // The Hessian costs 2·npar² likelihoods; auto.arima rejects a model with roots near the
            // unit circle whatever its variance, so the check is only made for the others.
            boolean rootsOk = AutoArima.rootsOk(o, tp[0], tp[1]);
            if (!rootsOk && method == Method.CSS_ML_GN) {
                // the fast search rejects this model: no state pass for it
                return new ArimaFit(o, coef, names, Double.NaN, Double.NaN, Double.NaN, nUsed, new double[0], tp[0], tp[1], delta, null,
                        null, true);
            }
            boolean varianceOk = !rootsOk
                    || (gaussNewton ? informationInvertible(info, transformed.length)
                            : varianceDiagonalNonNegative(armafn, transformed, parscale, o, nUsed));
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
     * A candidate of the fast search: the CSS fit from Hannan-Rissanen starts, at most
     * {@code starts.maxIter} Levenberg-Marquardt steps, with the lagged Jacobian. The differenced
     * data, the regression start values and the Hannan-Rissanen cross products are formed once per
     * set of regressors. Neither residuals nor state are kept (the chosen model is refitted).
     */
    private static ArimaFit searchFit(double[] y, ArimaOrder o, double[][] xr, String[] names, SearchStarts starts)
            throws ModelFitException {
        int narma = o.narma();
        int ncx = xr.length;
        int nUsed = y.length - o.d() - o.bigD() * o.s();
        if (nUsed <= 0) {
            throw new ModelFitException("series too short for " + o.label());
        }
        SearchStarts.Prepared prep = starts.byRegressors.get(ncx);
        if (prep == null) {
            double[] dy = difference(y, o);
            double[][] dxr = new double[ncx][];
            for (int j = 0; j < ncx; j++) {
                dxr[j] = difference(xr[j], o);
            }
            double[] beta = new double[ncx];
            if (ncx > 0) {
                double[][] lm = dy.length > ncx ? LinearRegression.fit(dy, dxr) : null;
                if (lm == null) {
                    lm = LinearRegression.fit(y, xr);
                }
                if (lm == null) {
                    throw new ModelFitException("regressors are collinear");
                }
                System.arraycopy(lm[0], 0, beta, 0, ncx);
            }
            double[] w = dy.clone();
            for (int j = 0; j < ncx; j++) {
                for (int t = 0; t < w.length; t++) {
                    w[t] -= beta[j] * dxr[j][t];
                }
            }
            prep = new SearchStarts.Prepared(dy, dxr, beta, new HannanRissanen(w, starts.season, starts.nonSeasonal, starts.seasonal));
            starts.byRegressors.put(ncx, prep);
        }
        double[] init = new double[narma + ncx];
        double[] hr = prep.hr().start(o);
        if (hr != null) {
            System.arraycopy(hr, 0, init, 0, narma);
        }
        System.arraycopy(prep.beta(), 0, init, narma, ncx);
        // without Hannan-Rissanen starts (series too short for the long autoregression, or a
        // singular regression), CSS from zero to convergence
        int maxIter = hr != null ? starts.maxIter : CssLeastSquares.MAX_ITERATIONS;
        CssLeastSquares.Result res = CssLeastSquares.fit(prep.dy(), prep.dxr(), o, init, maxIter, true);
        double[] coef = res.par();
        double[][] tp = ArimaTransforms.transPars(coef, o, false);
        if (!res.converged() && !AutoArima.rootsOutside(o, tp[0], tp[1], NEAR_BOUNDARY)) {
            // stopped near a unit root: whether the minimum lies beyond auto.arima's 1.01 (and the
            // model is rejected) only the converged fit can tell, as in R's search (the lagged
            // Jacobian's steps, finished with the exact one)
            res = CssLeastSquares.fit(prep.dy(), prep.dxr(), o, coef, CssLeastSquares.MAX_ITERATIONS, true);
            coef = res.par();
            tp = ArimaTransforms.transPars(coef, o, false);
        }
        double sigma2 = res.sigma2();
        double value = 2 * nUsed * 0.5 * Math.log(sigma2) + nUsed + nUsed * Math.log(2 * Math.PI);
        return new ArimaFit(o, coef, names, sigma2, -0.5 * value, Double.NaN, nUsed, new double[0], tp[0], tp[1],
                ArimaTransforms.delta(o), null, null, true);
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
     * Relative decrease of the sum of squares below which the ML Levenberg-Marquardt stops: R's
     * BFGS stops at a change of {@code reltol = 1.5e-8} in {@code 0.5·log S}, i.e. 3e-8 of S.
     */
    private static final double GN_TOL = 3e-8;
    /**
     * A fast-search CSS fit whose AR or MA roots come within this radius after its few steps is
     * run to convergence (the search rejects roots within 1.01).
     */
    private static final double NEAR_BOUNDARY = 1.02;
    /** Accepted ML steps in a row outside the rejection boundary after which the fit gives up. */
    private static final int HOPELESS_STEPS = 2;

    /** Residuals of a least-squares objective: fills {@code out}, returns Σ out² (NaN when undefined). */
    interface Residuals {
        double value(double[] par, double[] out);
    }

    /**
     * Levenberg-Marquardt on residuals {@code fn} of length {@code m}: damping by the diagonal of
     * J'J (Marquardt 1963) updated from the ratio of actual to predicted decrease (Nielsen 1999);
     * a forward-difference Jacobian (steps {@code 1e-7·max(parscale, |par|)}) at the start, every
     * eighth iteration, after a step the updated Jacobian got wrong and to confirm convergence, and
     * Broyden's rank-one update in between. Stops when an accepted step on a fresh Jacobian lowers
     * Σ r² by less than {@link #GN_TOL} of itself or moves no parameter by more than 1e-10 of its
     * scale, or when {@code hopeless} holds after {@link #HOPELESS_STEPS} accepted steps in a row
     * (the caller's test; the fast search's judges the MA-inverted point). {@code info}, when not
     * null, receives the J'J of the last fresh Jacobian. Returns null when the objective is undefined at {@code init}.
     *
     * <p>The exact ML objective of {@code armafn} is {@code 0.5·log(S/nu)} with
     * {@code S = Σ (v_t/√F_t)²·Π F_t^{1/nu}}, a sum of squares of the standardised innovations
     * scaled by the geometric mean of their variances; Gauss-Newton steps on it converge in a
     * few iterations, where BFGS with central differences takes 20–40 iterations of 2·npar + 1
     * evaluations.
     */
    static double[] levenbergMarquardt(Residuals fn, double[] init, double[] parscale, int m, int maxIter,
                                       java.util.function.Predicate<double[]> hopeless, double[] info) {
        int k = init.length;
        double[] par = init.clone();
        double[] r = new double[m];
        double s = fn.value(par, r);
        if (!Double.isFinite(s)) {
            return null;
        }
        if (k == 0) {
            return par;
        }
        double[][] jac = new double[k][m];
        double[] a = new double[k * k];
        double[] g = new double[k];
        double[] mat = new double[k * k];
        double[] b = new double[k];
        double[] trial = new double[k];
        double[] rt = new double[m];
        double lambda = 1e-3;
        double nu = 2;
        boolean fresh = false;
        boolean needFd = true;
        int outside = 0;
        double[] u = new double[m];
        for (int iter = 0; iter < maxIter; iter++) {
            if (needFd || iter % 8 == 0) {
                if (!differenceJacobian(fn, par, parscale, r, jac)) {
                    // undefined on both sides of a coordinate: no fresh information matrix for this point
                    return iter == 0 ? null : par;
                }
                fresh = true;
                needFd = false;
            }
            CssLeastSquares.normalEquations(jac, r, 0, m, a, g);
            if (info != null && fresh) {
                System.arraycopy(a, 0, info, 0, k * k);
            }
            boolean accepted = false;
            while (!accepted) {
                double maxStep = 0;
                boolean solved = CssLeastSquares.dampedStep(a, g, lambda, k, mat, b);
                double predicted = 0;
                if (solved) {
                    for (int i = 0; i < k; i++) {
                        trial[i] = par[i] + b[i];
                        maxStep = Math.max(maxStep, Math.abs(b[i]) / Math.max(parscale[i], Math.abs(par[i])));
                        double di = a[i * k + i];
                        predicted += -g[i] * b[i] + lambda * (di > 0 ? di : 1e-12) * b[i] * b[i];
                    }
                }
                double st = solved ? fn.value(trial, rt) : Double.NaN;
                if (Double.isFinite(st) && st <= s) {
                    accepted = true;
                    double decrease = s - st;
                    boolean wasFresh = fresh;
                    {
                        // Broyden's rank-one update J += (Δr − JΔp)Δp'/Δp'Δp: the next step without k evaluations
                        double pp = 0;
                        for (int c = 0; c < k; c++) {
                            pp += b[c] * b[c];
                        }
                        for (int t = 0; t < m; t++) {
                            double v = rt[t] - r[t];
                            for (int c = 0; c < k; c++) {
                                v -= jac[c][t] * b[c];
                            }
                            u[t] = v / pp;
                        }
                        for (int c = 0; c < k; c++) {
                            double[] jc = jac[c];
                            double bc = b[c];
                            for (int t = 0; t < m; t++) {
                                jc[t] += u[t] * bc;
                            }
                        }
                        fresh = false;
                    }
                    System.arraycopy(trial, 0, par, 0, k);
                    double[] swap = r;
                    r = rt;
                    rt = swap;
                    s = st;
                    // Nielsen (1999): damping follows the ratio of actual to predicted decrease
                    double rho = predicted > 0 ? decrease / predicted : 0;
                    lambda = Math.max(lambda * Math.max(1.0 / 3, 1 - Math.pow(2 * rho - 1, 3)), 1e-12);
                    nu = 2;
                    if (decrease <= GN_TOL * s || maxStep < 1e-10) {
                        if (wasFresh) {
                            return par;
                        }
                        needFd = true;  // converged on an updated Jacobian: confirm with a fresh one
                    }
                    if (hopeless != null && hopeless.test(par)) {
                        // beyond the rejection boundary: give up after a run of steps out there
                        // (the optimum lies on the boundary)
                        if (++outside >= HOPELESS_STEPS) {
                            return par;
                        }
                    } else {
                        outside = 0;
                    }
                } else if (!fresh) {
                    // the updated Jacobian misled: difference afresh before damping more
                    needFd = true;
                    break;
                } else {
                    lambda *= nu;
                    nu *= 2;
                    if (lambda > 1e12 || (solved && maxStep < 1e-12)) {
                        return par;
                    }
                }
            }
        }
        return par;
    }

    /** Forward-difference Jacobian of fn at par into jac (columns); false when fn is undefined on both sides. */
    private static boolean differenceJacobian(Residuals fn, double[] par, double[] parscale, double[] r, double[][] jac) {
        int k = par.length;
        int m = r.length;
        for (int j = 0; j < k; j++) {
            double pj = par[j];
            double h = 1e-7 * Math.max(parscale[j], Math.abs(pj));
            par[j] = pj + h;
            double[] col = jac[j];
            double sj = fn.value(par, col);
            par[j] = pj;
            if (!Double.isFinite(sj)) {
                // one-sided the other way at a boundary of the domain
                par[j] = pj - h;
                sj = fn.value(par, col);
                par[j] = pj;
                if (!Double.isFinite(sj)) {
                    return false;
                }
                h = -h;
            }
            for (int t = 0; t < m; t++) {
                col[t] = (col[t] - r[t]) / h;
            }
        }
        return true;
    }

    /**
     * The fast search's stand-in for {@link #varianceDiagonalNonNegative}: the Gauss-Newton
     * information matrix J'J of the ML fit's last iteration (J the Jacobian of its
     * least-squares residuals; J'J/σ² is the usual Fisher information) must be invertible,
     * i.e. every parameter identified: its Cholesky pivots in correlation form (so that the units
     * of the data and of the regressors drop out) above 1e-10. It is positive semi-definite by construction, so it cannot
     * show the indefinite numerical Hessians that R's check also rejects; it costs no likelihood
     * evaluation where optimhess costs 2k².
     */
    static boolean informationInvertible(double[] info, int k) {
        if (k == 0) {
            return true;
        }
        // in correlation form: the parameters' own scales (data units, regressor units) drop out
        double[] chol = new double[k * k];
        for (int i = 0; i < k; i++) {
            double di = info[i * k + i];
            if (!(di > 0) || !Double.isFinite(di)) {
                return false;
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                chol[i * k + j] = info[i * k + j] / Math.sqrt(info[i * k + i] * info[j * k + j]);
            }
        }
        for (int j = 0; j < k; j++) {
            double d = chol[j * k + j];
            for (int l = 0; l < j; l++) {
                d -= chol[j * k + l] * chol[j * k + l];
            }
            if (!(d > 1e-10)) {
                return false;
            }
            d = Math.sqrt(d);
            chol[j * k + j] = d;
            for (int i = j + 1; i < k; i++) {
                double v = chol[i * k + j];
                for (int l = 0; l < j; l++) {
                    v -= chol[i * k + l] * chol[j * k + l];
                }
                chol[i * k + j] = v / d;
            }
        }
        return true;
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
        // optimhess evaluates fn at x ± h·e_i ± h·e_j for row i and again for row j (ARMA
        // coefficients have parscale 1): each distinct point is evaluated once, 2k² + O(k) instead of 4k²
        java.util.Map<java.util.List<Double>, Double> memo = new java.util.HashMap<>();
        Bfgs.Objective once = v -> memo.computeIfAbsent(java.util.Arrays.stream(v).boxed().toList(), key -> fn.value(v));
        double[] g1 = new double[k];
        double[] g2 = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = par[i] + h;
            gradient(once, x, parscale, g1);
            x[i] = par[i] - h;
            gradient(once, x, parscale, g2);
            x[i] = par[i];
            for (int j = 0; j < k; j++) {
                hess[i][j] = (g1[j] - g2[j]) / (2 * h);
            }
        }
        return variancePositive(hess, par, o, nUsed);
    }

    /** The diagonal of {@code A' (H·n.used)^{-1} A} is non-negative (and H·n.used invertible). */
    private static boolean variancePositive(double[][] hess, double[] par, ArimaOrder o, int nUsed) {
        int k = par.length;
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
