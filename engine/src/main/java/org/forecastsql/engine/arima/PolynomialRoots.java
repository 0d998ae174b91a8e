package org.forecastsql.engine.arima;

/**
 * Complex roots of a real polynomial by the Durand-Kerner (Weierstrass) iteration, polished by
 * Newton steps; used where R calls {@code polyroot} (MA inversion). Degrees here are small (at
 * most a few tens), where this simultaneous iteration is robust.
 */
final class PolynomialRoots {
    private PolynomialRoots() {
    }

    /**
     * Roots of {@code c[0] + c[1] z + ... + c[n] z^n} with {@code c[n] != 0}.
     *
     * @return {re[], im[]}, each of length n
     */
    static double[][] roots(double[] c) {
        int n = c.length - 1;
        while (n > 0 && c[n] == 0) {
            n--;
        }
        double[] re = new double[n];
        double[] im = new double[n];
        if (n == 0) {
            return new double[][] {re, im};
        }
        // monic coefficients a[0..n-1], z^n + a[n-1] z^{n-1} + ... + a[0]
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = c[i] / c[n];
        }
        double bound = 0;
        for (int i = 0; i < n; i++) {
            bound = Math.max(bound, Math.abs(a[i]));
        }
        bound = 1 + bound;
        for (int i = 0; i < n; i++) {
            double ang = 2 * Math.PI * i / n + 0.4;
            re[i] = 0.5 * bound * Math.cos(ang);
            im[i] = 0.5 * bound * Math.sin(ang);
        }
        for (int iter = 0; iter < 500; iter++) {
            double change = 0;
            for (int i = 0; i < n; i++) {
                // p(z_i)
                double pr = 1;
                double pi = 0;
                for (int k = n - 1; k >= 0; k--) {
                    double t = pr * re[i] - pi * im[i] + a[k];
                    pi = pr * im[i] + pi * re[i];
                    pr = t;
                }
                double dr = 1;
                double di = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        double xr = re[i] - re[j];
                        double xi = im[i] - im[j];
                        double t = dr * xr - di * xi;
                        di = dr * xi + di * xr;
                        dr = t;
                    }
                }
                double den = dr * dr + di * di;
                if (den == 0) {
                    den = 1e-300;
                }
                double qr = (pr * dr + pi * di) / den;
                double qi = (pi * dr - pr * di) / den;
                re[i] -= qr;
                im[i] -= qi;
                change = Math.max(change, Math.hypot(qr, qi) / Math.max(1, Math.hypot(re[i], im[i])));
            }
            if (change < 1e-15) {
                break;
            }
        }
        return new double[][] {re, im};
    }
}
