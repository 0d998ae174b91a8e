package org.forecastsql.engine.regression;

/**
 * Ridge regression on the normal equations.
 *
 * <p>With standardised regressors {@code z_j = (x_j - mean_j) / sd_j}, correlation matrix
 * {@code R = Z'Z / n} and {@code r = Z'(y - mean_y) / n}, the ridge coefficients solve
 * {@code (R + lambda I) b = r} (Hoerl and Kennard 1970; the same penalty on standardised
 * regressors as R's {@code MASS::lm.ridge}, there with {@code lambda_MASS = n lambda}); the
 * raw-scale coefficients are {@code beta_j = b_j / sd_j} and the intercept
 * {@code mean_y - sum_j beta_j mean_j}. The system is solved by Cholesky decomposition
 * {@code R + lambda I = L L'} (Golub and Van Loan, Algorithm 4.2.1) and two triangular solves.
 * Columns with {@code sd_j = 0} get {@code beta_j = 0}.
 */
final class RidgeKernel {
    private RidgeKernel() {
    }

    /**
     * Solves the ridge problem from accumulated sums.
     *
     * @param gram   the packed upper triangle of {@code A'A} for {@code A = [1, X]} ({@link GramAccumulator})
     * @param xty    {@code A'y}
     * @param n      rows
     * @param p      regressors (without the intercept)
     * @param lambda penalty on the standardised scale
     * @return {@code [intercept, beta_1..beta_p, b_1..b_p]}: raw coefficients, then standardised
     *         coefficients {@code b_j / sd_y} (the importance; 0 for constant columns)
     */
    static double[] ridge(double[] gram, double[] xty, double yy, long n, int p, double lambda) {
        int q = p + 1;
        double[] mean = new double[q];
        for (int j = 1; j < q; j++) {
            mean[j] = gram[GramAccumulator.index(0, j, q)] / n;
        }
        double meanY = xty[0] / n;
        double varY = Math.max(yy / n - meanY * meanY, 0);
        double[] sd = new double[q];
        for (int j = 1; j < q; j++) {
            double v = gram[GramAccumulator.index(j, j, q)] / n - mean[j] * mean[j];
            sd[j] = v > 1e-12 ? Math.sqrt(v) : 0;
        }
        int[] active = java.util.stream.IntStream.range(1, q).filter(j -> sd[j] > 0).toArray();
        int m = active.length;
        double[][] a = new double[m][m];
        double[] r = new double[m];
        for (int u = 0; u < m; u++) {
            int ju = active[u];
            for (int v = u; v < m; v++) {
                int jv = active[v];
                double cov = gram[GramAccumulator.index(ju, jv, q)] / n - mean[ju] * mean[jv];
                a[u][v] = cov / (sd[ju] * sd[jv]);
                a[v][u] = a[u][v];
            }
            a[u][u] += lambda;
            r[u] = (xty[ju] / n - mean[ju] * meanY) / sd[ju];
        }
        double[] b = choleskySolve(a, r);
        double[] out = new double[1 + 2 * p];
        double intercept = meanY;
        double sdY = Math.sqrt(varY);
        for (int u = 0; u < m; u++) {
            int j = active[u];
            double beta = b[u] / sd[j];
            out[j] = beta;
            intercept -= beta * mean[j];
            out[p + j] = sdY > 0 ? b[u] / sdY : 0;
        }
        out[0] = intercept;
        return out;
    }

    /**
     * Solves {@code A x = b} for symmetric positive definite {@code A} by Cholesky
     * ({@code A = L L'}, Golub and Van Loan Algorithm 4.2.1), forward then back substitution.
     *
     * @throws ArithmeticException if {@code A} is not positive definite
     */
    static double[] choleskySolve(double[][] a, double[] b) {
        int m = b.length;
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (s <= 0) {
                        throw new ArithmeticException("matrix not positive definite at pivot " + i);
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[m];
        for (int i = 0; i < m; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
