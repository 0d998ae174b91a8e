package org.forecastsql.engine.ets;

/**
 * Fits one ETS form by maximum likelihood, as R forecast 8.x {@code etsmodel} with the C++
 * {@code EtsTargetFunction}: parameters (α, β, γ, φ present in the form, then the initial
 * states without the last seasonal one) are optimised jointly by {@link NelderMead}
 * ({@code reltol = sqrt(eps)}, 2000 evaluations) on {@code lik} (or the one-step MSE, as
 * {@code ses} asks). Out-of-bounds or inadmissible parameters, and negative multiplicative
 * seasonal states, score +Inf.
 */
final class EtsOptimizer {
    /** Optimisation criterion: R's {@code opt.crit}. */
    enum Criterion { LIK, MSE }

    private static final int NMSE = 3;

    private EtsOptimizer() {
    }

    /**
     * Returns the fitted model, or null when R would give it an infinite information criterion
     * (too many parameters for the data, or no finite objective).
     */
    static EtsFit etsmodel(double[] y, int seasonLength, EtsSpec spec, Criterion crit) {
        int m = spec.season() != EtsSpec.NONE ? seasonLength : 1;
        boolean hasTrend = spec.trend() != EtsSpec.NONE;
        boolean hasSeason = spec.season() != EtsSpec.NONE;
        boolean damped = spec.damped();
        double[] p0 = EtsInit.initparam(spec.trend(), spec.season(), damped, m);
        double[] init = EtsInit.initstate(y, m, spec.trend(), spec.season());
        int nsp = 1 + (hasTrend ? 1 : 0) + (hasSeason ? 1 : 0) + (damped ? 1 : 0);
        int nstate = init.length;
        double[] par = new double[nsp + nstate];
        int j = 0;
        par[j++] = p0[0];
        if (hasTrend) {
            par[j++] = p0[1];
        }
        if (hasSeason) {
            par[j++] = p0[2];
        }
        if (damped) {
            par[j++] = p0[3];
        }
        System.arraycopy(init, 0, par, nsp, nstate);
        int np = par.length;
        if (np >= y.length - 1) {
            return null;
        }
        Target target = new Target(y, m, spec, nsp, nstate, crit);
        if (!Double.isFinite(target.applyAsDouble(par))) {
            return null;
        }
        NelderMead.Result r = NelderMead.nmmin(par, target, Double.NEGATIVE_INFINITY, Math.sqrt(Math.ulp(1.0)),
                1.0, 0.5, 2.0, 2000);
        double[] fp = r.x();
        double[] sp = target.smoothing(fp);
        double[] x0 = target.fullState(fp);
        EtsRecursion.Pass e = EtsRecursion.etscalc(y, x0, m, spec, sp[0], sp[1], sp[2], sp[3], NMSE, true);
        if (Double.isNaN(e.lik)) {
            // R: the information criterion is NA and the form is skipped (a perfect fit, -Inf, is kept).
            return null;
        }
        int n = y.length;
        int npFull = np + 1;
        double aic = e.lik + 2 * npFull;
        double bic = e.lik + Math.log(n) * npFull;
        double aicc = aic + 2.0 * npFull * (npFull + 1) / (n - npFull - 1);
        double ss = 0;
        double[] fitted = new double[n];
        for (int t = 0; t < n; t++) {
            ss += e.e[t] * e.e[t];
            fitted[t] = spec.error() == EtsSpec.ADD ? y[t] - e.e[t] : y[t] / (1 + e.e[t]);
        }
        int p = x0.length;
        double[] last = java.util.Arrays.copyOfRange(e.states, n * p, (n + 1) * p);
        return new EtsFit(spec, m, sp[0], sp[1], sp[2], sp[3], x0, last, -0.5 * e.lik, aic, aicc, bic,
                ss / (n - np), e.amse[0], fitted, e.e.clone());
    }

    /** The optimiser's objective, {@code EtsTargetFunction::eval}. */
    private static final class Target implements java.util.function.ToDoubleFunction<double[]> {
        private final double[] y;
        private final int m;
        private final EtsSpec spec;
        private final int nsp;
        private final int nstate;
        private final Criterion crit;

        Target(double[] y, int m, EtsSpec spec, int nsp, int nstate, Criterion crit) {
            this.y = y;
            this.m = m;
            this.spec = spec;
            this.nsp = nsp;
            this.nstate = nstate;
            this.crit = crit;
        }

        double[] smoothing(double[] par) {
            int j = 0;
            double alpha = par[j++];
            double beta = spec.trend() != EtsSpec.NONE ? par[j++] : 0;
            double gamma = spec.season() != EtsSpec.NONE ? par[j++] : 0;
            double phi = spec.damped() ? par[j] : 1;
            return new double[] {alpha, beta, gamma, phi};
        }

        double[] fullState(double[] par) {
            boolean seasonal = spec.season() != EtsSpec.NONE;
            double[] x = new double[nstate + (seasonal ? 1 : 0)];
            System.arraycopy(par, nsp, x, 0, nstate);
            if (seasonal) {
                double sum = 0;
                for (int i = spec.trend() != EtsSpec.NONE ? 2 : 1; i < nstate; i++) {
                    sum += x[i];
                }
                x[nstate] = (spec.season() == EtsSpec.MULT ? m : 0) - sum;
            }
            return x;
        }

        @Override
        public double applyAsDouble(double[] par) {
            double[] sp = smoothing(par);
            if (!Admissibility.check(sp[0], sp[1], sp[2], sp[3], spec.trend() != EtsSpec.NONE,
                    spec.season() != EtsSpec.NONE, spec.damped(), m)) {
                return Double.POSITIVE_INFINITY;
            }
            double[] x = fullState(par);
            if (spec.season() == EtsSpec.MULT) {
                for (int i = spec.trend() != EtsSpec.NONE ? 2 : 1; i < x.length; i++) {
                    if (x[i] < 0) {
                        return Double.POSITIVE_INFINITY;
                    }
                }
            }
            EtsRecursion.Pass e = EtsRecursion.etscalc(y, x, m, spec, sp[0], sp[1], sp[2], sp[3], NMSE, false);
            double lik = e.lik;
            if (lik < -1e10) {
                lik = -1e10;
            }
            if (Double.isNaN(lik)) {
                lik = Double.POSITIVE_INFINITY;
            }
            if (Math.abs(lik + 99999) < 1e-7) {
                lik = Double.POSITIVE_INFINITY;
            }
            return crit == Criterion.LIK ? lik : e.amse[0];
        }
    }
}
