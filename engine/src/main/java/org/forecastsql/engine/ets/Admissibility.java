package org.forecastsql.engine.ets;

/**
 * R forecast's parameter checks with {@code bounds = "both"}: the usual bounds
 * ({@code lo ≤ α ≤ hi}, {@code lo ≤ β ≤ min(α, hi)}, {@code lo ≤ γ ≤ min(1 − α, hi)},
 * {@code φ_lo ≤ φ ≤ φ_hi}) and the admissible region ({@code EtsTargetFunction::admissible}
 * in forecast 8.x: the easy inequalities of Hyndman et al. 2008, ch. 10, then all roots of
 * the characteristic polynomial {@code z^{m+1} + (α+β−φ)z^m + (α+β−αφ)z^{m−1} + ... +
 * (α+β−αφ+γ−1)z + φ(1−α−γ)} within {@code 1 + 1e-10} of the unit circle, found by
 * {@link CpolyRoots}, R's own root finder).
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
            return CpolyRoots.maxModulus(c) <= 1 + 1e-10;
        }
        return true;
    }
}
