package org.forecastsql.engine.ets;

/**
 * R forecast's parameter checks with {@code bounds = "both"}: the usual bounds
 * ({@code lo ≤ α ≤ hi}, {@code lo ≤ β ≤ min(α, hi)}, {@code lo ≤ γ ≤ min(1 − α, hi)},
 * {@code φ_lo ≤ φ ≤ φ_hi}) and the admissible region ({@code EtsTargetFunction::admissible}
 * in forecast 8.x: the easy inequalities of Hyndman et al. 2008, ch. 10, then all roots of
 * the characteristic polynomial {@code z^{m+1} + (α+β−φ)z^m + (α+β−αφ)z^{m−1} + ... +
 * (α+β−αφ+γ−1)z + φ(1−α−γ)} within {@code 1 + 1e-10} of the unit circle).
 */
final class Admissibility {
    private Admissibility() {
    }

    /**
     * Whether the parameters pass; beta/gamma are 0 and phi 1 for components the model lacks.
     *
     * @param m season length (1 for non-seasonal models)
     */
    static boolean check(double alpha, double beta, double gamma, double phi, boolean hasTrend, boolean hasSeason,
                         boolean damped, int m) {
        double[] lo = EtsInit.LOWER;
        double[] hi = EtsInit.UPPER;
        if (alpha < lo[0] || alpha > hi[0]) {
            return false;
        }
        if (hasTrend && (beta < lo[1] || beta > alpha || beta > hi[1])) {
            return false;
        }
        if (damped && (phi < lo[3] || phi > hi[3])) {
            return false;
        }
        if (hasSeason && (gamma < lo[2] || gamma > 1 - alpha || gamma > hi[2])) {
            return false;
        }
        return admissible(alpha, beta, gamma, phi, hasTrend, hasSeason, m);
    }

    static boolean admissible(double alpha, double beta, double gamma, double phi, boolean hasTrend,
                              boolean hasSeason, int m) {
        if (phi < 0 || phi > 1 + 1e-8) {
            return false;
        }
        if (!hasSeason) {
            if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) {
                return false;
            }
            if (hasTrend && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) {
                return false;
            }
        } else if (m > 1) {
            if (!hasTrend) {
                beta = 0;
            }
            double d = 1 - 1 / phi - alpha;
            if (gamma < (d > 0 ? d : 0) || gamma > 1 + 1 / phi - alpha) {
                return false;
            }
            if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
                return false;
            }
            if (beta < -(1 - phi) * (gamma / m + alpha)) {
                return false;
            }
            double[] c = new double[m + 2];
            c[0] = 1;
            c[1] = alpha + beta - phi;
            for (int i = 0; i < m - 2; i++) {
                c[2 + i] = alpha + beta - alpha * phi;
            }
            c[m] = alpha + beta - alpha * phi + gamma - 1;
            c[m + 1] = phi * (1 - alpha - gamma);
            return maxRootModulus(c) <= 1 + 1e-10;
        }
        return true;
    }

    /**
     * The largest modulus of the roots of the monic polynomial with coefficients {@code c}
     * (highest degree first, {@code c[0] = 1}), by the Aberth-Ehrlich simultaneous iteration
     * (cubically convergent for simple roots), polished to machine precision.
     */
    static double maxRootModulus(double[] c) {
        int d = c.length - 1;
        // Zeros at the origin contribute modulus 0; drop them as cpolyroot does.
        while (d > 0 && c[d] == 0) {
            d--;
        }
        if (d == 0) {
            return 0;
        }
        double[] re = new double[d];
        double[] im = new double[d];
        // Starting points on a circle of the Cauchy-bound radius, rotated off the real axis.
        double radius = 0;
        for (int i = 1; i <= d; i++) {
            radius = Math.max(radius, Math.pow(Math.abs(c[i]), 1.0 / i));
        }
        radius = Math.max(radius, 1e-3);
        for (int k = 0; k < d; k++) {
            double ang = 2 * Math.PI * k / d + 0.4;
            re[k] = radius * Math.cos(ang);
            im[k] = radius * Math.sin(ang);
        }
        double[] pv = new double[4];
        boolean[] done = new boolean[d];
        for (int iter = 0; iter < 200; iter++) {
            boolean all = true;
            for (int k = 0; k < d; k++) {
                if (done[k]) {
                    continue;
                }
                horner(c, d, re[k], im[k], pv);
                // ratio r = p/p'
                double den = pv[2] * pv[2] + pv[3] * pv[3];
                if (den == 0) {
                    if (pv[0] == 0 && pv[1] == 0) {
                        done[k] = true;
                    } else {
                        re[k] = re[k] * (1 + 1e-7) + 1e-7; // off a critical point of p
                        all = false;
                    }
                    continue;
                }
                double rr = (pv[0] * pv[2] + pv[1] * pv[3]) / den;
                double ri = (pv[1] * pv[2] - pv[0] * pv[3]) / den;
                // sum of 1/(z_k - z_j)
                double sr = 0;
                double si = 0;
                for (int j = 0; j < d; j++) {
                    if (j != k) {
                        double dr = re[k] - re[j];
                        double di = im[k] - im[j];
                        double dd = dr * dr + di * di;
                        if (dd > 0) {
                            sr += dr / dd;
                            si += -di / dd;
                        }
                    }
                }
                // w = r / (1 - r*s)
                double qr = 1 - (rr * sr - ri * si);
                double qi = -(rr * si + ri * sr);
                double qd = qr * qr + qi * qi;
                double wr = (rr * qr + ri * qi) / qd;
                double wi = (ri * qr - rr * qi) / qd;
                re[k] -= wr;
                im[k] -= wi;
                double scale = Math.max(1, Math.abs(re[k]) + Math.abs(im[k]));
                if (Math.abs(wr) + Math.abs(wi) <= 1e-14 * scale) {
                    done[k] = true;
                } else {
                    all = false;
                }
            }
            if (all) {
                break;
            }
        }
        double max = 0;
        for (int k = 0; k < d; k++) {
            max = Math.max(max, Math.hypot(re[k], im[k]));
        }
        return max;
    }

    /** p(z) and p'(z) at z = x + iy: out = {Re p, Im p, Re p', Im p'}. */
    private static void horner(double[] c, int d, double x, double y, double[] out) {
        double pr = c[0];
        double pi = 0;
        double dr = 0;
        double di = 0;
        for (int i = 1; i <= d; i++) {
            double ndr = dr * x - di * y + pr;
            double ndi = dr * y + di * x + pi;
            dr = ndr;
            di = ndi;
            double npr = pr * x - pi * y + c[i];
            double npi = pr * y + pi * x;
            pr = npr;
            pi = npi;
        }
        out[0] = pr;
        out[1] = pi;
        out[2] = dr;
        out[3] = di;
    }
}
