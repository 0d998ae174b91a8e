package org.forecastsql.engine.arima;

/**
 * Ordinary least squares without intercept, as R's {@code lm(y ~ X - 1)}: coefficients and
 * their standard errors, by Householder QR (stable for columns as different as an intercept and
 * a linear trend).
 */
final class LinearRegression {
    private LinearRegression() {
    }

    /**
     * @param y    response, length n
     * @param cols regressor columns, each length n
     * @return {coef[k], se[k]}, or null when the columns are rank deficient or n ≤ k
     */
    static double[][] fit(double[] y, double[][] cols) {
        int n = y.length;
        int k = cols.length;
        if (n <= k || k == 0) {
            return null;
        }
        double[][] a = new double[k][];
        for (int j = 0; j < k; j++) {
            a[j] = cols[j].clone();
        }
        double[] b = y.clone();
        double[] rdiag = new double[k];
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (int i = j; i < n; i++) {
                norm = Math.hypot(norm, a[j][i]);
            }
            double colScale = 0;
            for (int i = 0; i < n; i++) {
                colScale = Math.max(colScale, Math.abs(cols[j][i]));
            }
            if (norm <= 1e-10 * colScale * Math.sqrt(n) || norm == 0) {
                return null;
            }
            if (a[j][j] > 0) {
                norm = -norm;
            }
            for (int i = j; i < n; i++) {
                a[j][i] /= -norm;
            }
            a[j][j] += 1;
            for (int c = j + 1; c < k; c++) {
                double s = 0;
                for (int i = j; i < n; i++) {
                    s += a[j][i] * a[c][i];
                }
                s = -s / a[j][j];
                for (int i = j; i < n; i++) {
                    a[c][i] += s * a[j][i];
                }
            }
            double s = 0;
            for (int i = j; i < n; i++) {
                s += a[j][i] * b[i];
            }
            s = -s / a[j][j];
            for (int i = j; i < n; i++) {
                b[i] += s * a[j][i];
            }
            rdiag[j] = norm;
        }
        // R (upper) : R[i][j] = a[j][i] for i<j, diag rdiag; Householder sign convention gives R = -…
        double[] coef = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < k; j++) {
                s -= a[j][i] * coef[j];
            }
            coef[i] = s / rdiag[i];
        }
        double rss = 0;
        for (int i = k; i < n; i++) {
            rss += b[i] * b[i];
        }
        double s2 = rss / (n - k);
        // diag((R'R)^-1) = row norms² of R^-1
        double[][] rinv = new double[k][k];
        for (int c = 0; c < k; c++) {
            for (int i = k - 1; i >= 0; i--) {
                double s = i == c ? 1 : 0;
                for (int j = i + 1; j < k; j++) {
                    s -= a[j][i] * rinv[j][c];
                }
                rinv[i][c] = s / rdiag[i];
            }
        }
        double[] se = new double[k];
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += rinv[i][c] * rinv[i][c];
            }
            se[i] = Math.sqrt(s * s2);
        }
        return new double[][] {coef, se};
    }
}
