package org.forecastsql.engine.arima;

/**
 * R's {@code optim(method = "BFGS")}: the variable-metric minimiser {@code vmmin} of
 * {@code src/appl/optim.c} (Nash 1990, Algorithm 21) with {@code optim}'s central-difference
 * gradient ({@code ndeps = 1e-3} on the scaled parameters {@code par/parscale}),
 * {@code reltol = sqrt(.Machine$double.eps)}, {@code maxit = 100}, backtracking factor 0.2 and
 * acceptance tolerance 1e-4 as R.
 */
final class Bfgs {
    private static final double STEPREDN = 0.2;
    private static final double ACCTOL = 0.0001;
    private static final double RELTEST = 10.0;
    private static final double RELTOL = 1.490116119384765625e-8;
    private static final double NDEPS = 1e-3;

    /** An objective on the unscaled parameters. */
    interface Objective {
        double value(double[] par);
    }

    /** Outcome: the minimiser (unscaled), its value, and whether it converged within maxit. */
    record Result(double[] par, double value, boolean converged, int evaluations) {
    }

    private Bfgs() {
    }

    static Result minimize(Objective fn, double[] init, double[] parscale, int maxit) {
        int n = init.length;
        double[] scale = parscale == null ? ones(n) : parscale;
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = init[i] / scale[i];
        }
        double[] x = new double[n];
        int[] evals = {0};
        Objective scaled = s -> {
            for (int i = 0; i < n; i++) {
                x[i] = s[i] * scale[i];
            }
            evals[0]++;
            return fn.value(x);
        };
        if (n == 0) {
            return new Result(init.clone(), fn.value(init), true, 1);
        }
        double f = scaled.value(b);
        if (!Double.isFinite(f)) {
            throw new IllegalStateException("initial value in 'vmmin' is not finite");
        }
        double fmin = f;
        double[] g = new double[n];
        gradient(scaled, b, g);
        int iter = 1;
        int gradcount = 1;
        int ilast = gradcount;
        double[] t = new double[n];
        double[] xx = new double[n];
        double[] c = new double[n];
        double[][] bm = new double[n][n];
        int count;
        do {
            if (ilast == gradcount) {
                for (int i = 0; i < n; i++) {
                    java.util.Arrays.fill(bm[i], 0, i, 0.0);
                    bm[i][i] = 1.0;
                }
            }
            System.arraycopy(b, 0, xx, 0, n);
            System.arraycopy(g, 0, c, 0, n);
            double gradproj = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j <= i; j++) {
                    s -= bm[i][j] * g[j];
                }
                for (int j = i + 1; j < n; j++) {
                    s -= bm[j][i] * g[j];
                }
                t[i] = s;
                gradproj += s * g[i];
            }
            if (gradproj < 0.0) {
                double steplength = 1.0;
                boolean accpoint = false;
                do {
                    count = 0;
                    for (int i = 0; i < n; i++) {
                        b[i] = xx[i] + steplength * t[i];
                        if (RELTEST + xx[i] == RELTEST + b[i]) {
                            count++;
                        }
                    }
                    if (count < n) {
                        f = scaled.value(b);
                        accpoint = Double.isFinite(f) && f <= fmin + gradproj * steplength * ACCTOL;
                        if (!accpoint) {
                            steplength *= STEPREDN;
                        }
                    }
                } while (!(count == n || accpoint));
                boolean enough = Math.abs(f - fmin) > RELTOL * (Math.abs(fmin) + RELTOL);
                if (!enough) {
                    count = n;
                    fmin = f;
                }
                if (count < n) {
                    fmin = f;
                    gradient(scaled, b, g);
                    gradcount++;
                    iter++;
                    double d1 = 0;
                    for (int i = 0; i < n; i++) {
                        t[i] = steplength * t[i];
                        c[i] = g[i] - c[i];
                        d1 += t[i] * c[i];
                    }
                    if (d1 > 0) {
                        double d2 = 0;
                        for (int i = 0; i < n; i++) {
                            double s = 0;
                            for (int j = 0; j <= i; j++) {
                                s += bm[i][j] * c[j];
                            }
                            for (int j = i + 1; j < n; j++) {
                                s += bm[j][i] * c[j];
                            }
                            xx[i] = s;
                            d2 += s * c[i];
                        }
                        d2 = 1.0 + d2 / d1;
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j <= i; j++) {
                                bm[i][j] += (d2 * t[i] * t[j] - xx[i] * t[j] - t[i] * xx[j]) / d1;
                            }
                        }
                    } else {
                        ilast = gradcount;
                    }
                } else {
                    if (ilast < gradcount) {
                        count = 0;
                        ilast = gradcount;
                    }
                }
            } else {
                count = 0;
                if (ilast == gradcount) {
                    count = n;
                } else {
                    ilast = gradcount;
                }
            }
            if (iter >= maxit) {
                break;
            }
            if (gradcount - ilast > 2 * n) {
                ilast = gradcount;
            }
        } while (count != n || ilast != gradcount);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = b[i] * scale[i];
        }
        return new Result(out, fmin, iter < maxit, evals[0]);
    }

    /** optim's numerical gradient: {@code (f(p + eps) − f(p − eps)) / (2 eps)} per coordinate. */
    private static void gradient(Objective fn, double[] p, double[] df) {
        for (int i = 0; i < p.length; i++) {
            double pi = p[i];
            p[i] = pi + NDEPS;
            double v1 = fn.value(p);
            p[i] = pi - NDEPS;
            double v2 = fn.value(p);
            p[i] = pi;
            df[i] = (v1 - v2) / (2 * NDEPS);
            if (!Double.isFinite(df[i])) {
                throw new IllegalStateException("non-finite finite-difference value [" + (i + 1) + "]");
            }
        }
    }

    private static double[] ones(int n) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, 1);
        return r;
    }
}
