package org.forecastsql.engine.ets;

import java.util.function.ToDoubleFunction;

/**
 * Nelder-Mead simplex minimiser, a port of {@code nmmin} in R's {@code src/appl/optim.c}
 * (J.C. Nash, <i>Compact Numerical Methods for Computers</i>, 2nd ed., Algorithm 19, as
 * re-crafted by B.D. Ripley), which {@code forecast::ets} calls with reflection 1, contraction
 * 0.5, expansion 2, {@code abstol = -Inf}, {@code reltol = sqrt(eps)} and 2000 evaluations.
 *
 * <p>The initial simplex steps every coordinate by {@code 0.1·max|x_i|} (0.1 if all zero).
 * Non-finite function values count as {@code 1e35}. It stops when the spread of the simplex
 * values falls below {@code reltol·(|f0| + reltol)}, when a shrink no longer reduces the
 * simplex, or after {@code maxit} evaluations. Same arithmetic order as R, so the same path.
 */
final class NelderMead {
    private static final double BIG = 1.0e35;

    private NelderMead() {
    }

    /** Result: the best point, its value and the number of evaluations. */
    record Result(double[] x, double value, int evaluations) {
    }

    static Result nmmin(double[] start, ToDoubleFunction<double[]> fn, double abstol, double intol,
                        double alpha, double bet, double gamm, int maxit) {
        int n = start.length;
        double[] bvec = start.clone();
        if (maxit <= 0) {
            return new Result(bvec, fn.applyAsDouble(bvec), 0);
        }
        double[][] p = new double[n + 1][n + 2];
        double f = fn.applyAsDouble(bvec);
        if (!Double.isFinite(f)) {
            throw new IllegalStateException("function cannot be evaluated at initial parameters");
        }
        int funcount = 1;
        double convtol = intol * (Math.abs(f) + intol);
        int n1 = n + 1;
        int c = n + 2;
        p[n1 - 1][0] = f;
        for (int i = 0; i < n; i++) {
            p[i][0] = bvec[i];
        }
        int l = 1;
        double size = 0.0;
        double step = 0.0;
        for (int i = 0; i < n; i++) {
            if (0.1 * Math.abs(bvec[i]) > step) {
                step = 0.1 * Math.abs(bvec[i]);
            }
        }
        if (step == 0.0) {
            step = 0.1;
        }
        for (int j = 2; j <= n1; j++) {
            for (int i = 0; i < n; i++) {
                p[i][j - 1] = bvec[i];
            }
            double trystep = step;
            while (p[j - 2][j - 1] == bvec[j - 2]) {
                p[j - 2][j - 1] = bvec[j - 2] + trystep;
                trystep *= 10;
            }
            size += trystep;
        }
        double oldsize = size;
        boolean calcvert = true;
        do {
            if (calcvert) {
                for (int j = 0; j < n1; j++) {
                    if (j + 1 != l) {
                        for (int i = 0; i < n; i++) {
                            bvec[i] = p[i][j];
                        }
                        f = fn.applyAsDouble(bvec);
                        if (!Double.isFinite(f)) {
                            f = BIG;
                        }
                        funcount++;
                        p[n1 - 1][j] = f;
                    }
                }
                calcvert = false;
            }
            double vl = p[n1 - 1][l - 1];
            double vh = vl;
            int h = l;
            for (int j = 1; j <= n1; j++) {
                if (j != l) {
                    f = p[n1 - 1][j - 1];
                    if (f < vl) {
                        l = j;
                        vl = f;
                    }
                    if (f > vh) {
                        h = j;
                        vh = f;
                    }
                }
            }
            if (vh <= vl + convtol || vl <= abstol) {
                break;
            }
            for (int i = 0; i < n; i++) {
                double temp = -p[i][h - 1];
                for (int j = 0; j < n1; j++) {
                    temp += p[i][j];
                }
                p[i][c - 1] = temp / n;
            }
            for (int i = 0; i < n; i++) {
                bvec[i] = (1.0 + alpha) * p[i][c - 1] - alpha * p[i][h - 1];
            }
            f = fn.applyAsDouble(bvec);
            if (!Double.isFinite(f)) {
                f = BIG;
            }
            funcount++;
            double vr = f;
            if (vr < vl) {
                p[n1 - 1][c - 1] = f;
                for (int i = 0; i < n; i++) {
                    f = gamm * bvec[i] + (1 - gamm) * p[i][c - 1];
                    p[i][c - 1] = bvec[i];
                    bvec[i] = f;
                }
                f = fn.applyAsDouble(bvec);
                if (!Double.isFinite(f)) {
                    f = BIG;
                }
                funcount++;
                if (f < vr) {
                    for (int i = 0; i < n; i++) {
                        p[i][h - 1] = bvec[i];
                    }
                    p[n1 - 1][h - 1] = f;
                } else {
                    for (int i = 0; i < n; i++) {
                        p[i][h - 1] = p[i][c - 1];
                    }
                    p[n1 - 1][h - 1] = vr;
                }
            } else {
                if (vr < vh) {
                    for (int i = 0; i < n; i++) {
                        p[i][h - 1] = bvec[i];
                    }
                    p[n1 - 1][h - 1] = vr;
                }
                for (int i = 0; i < n; i++) {
                    bvec[i] = (1 - bet) * p[i][h - 1] + bet * p[i][c - 1];
                }
                f = fn.applyAsDouble(bvec);
                if (!Double.isFinite(f)) {
                    f = BIG;
                }
                funcount++;
                if (f < p[n1 - 1][h - 1]) {
                    for (int i = 0; i < n; i++) {
                        p[i][h - 1] = bvec[i];
                    }
                    p[n1 - 1][h - 1] = f;
                } else if (vr >= vh) {
                    calcvert = true;
                    size = 0.0;
                    for (int j = 0; j < n1; j++) {
                        if (j + 1 != l) {
                            for (int i = 0; i < n; i++) {
                                p[i][j] = bet * (p[i][j] - p[i][l - 1]) + p[i][l - 1];
                                size += Math.abs(p[i][j] - p[i][l - 1]);
                            }
                        }
                    }
                    if (size < oldsize) {
                        oldsize = size;
                    } else {
                        break;
                    }
                }
            }
        } while (funcount <= maxit);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = p[i][l - 1];
        }
        return new Result(x, p[n1 - 1][l - 1], funcount);
    }
}
