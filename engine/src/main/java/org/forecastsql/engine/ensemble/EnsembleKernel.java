package org.forecastsql.engine.ensemble;

import java.util.Arrays;

/**
 * The arithmetic of the backtest-weighted combination.
 *
 * <p>Weights: inverse backtest MASE, normalised, shrunk towards equal weights by
 * {@code s = 1 / (1 + windows)} (few backtest windows → closer to the equal-weight combination,
 * which is hard to beat, Stock and Watson 2004; Clemen 1989): {@code w_i = (1 − s)·(1/MASE_i)/Σ_j(1/MASE_j) + s/k}.
 * Members without a usable backtest get weight 0 unless no member has one (then equal weights).
 *
 * <p>Intervals (split-conformal scaling): the combined 95% half-width is the weighted mean of the
 * members' 95% half-widths; on the backtest, the ratios {@code r = |y − ŷ| / halfWidth95} are kept,
 * and a level-L interval is {@code ŷ ± q_L(r)·halfWidth95} with {@code q_L} the
 * {@code ceil((n + 1)·L/100)}-th smallest ratio (Vovk et al. 2005; Lei et al. 2018). With fewer than
 * 10 ratios the members' own widths are used unscaled, by normal approximation from the 95% width.
 */
public final class EnsembleKernel {
    private EnsembleKernel() {
    }

    public static double[] weights(double[] mase, int windows) {
        int k = mase.length;
        double[] w = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            if (Double.isFinite(mase[i]) && mase[i] > 0) {
                w[i] = 1 / mase[i];
                sum += w[i];
            }
        }
        if (sum == 0) {
            Arrays.fill(w, 1.0 / k);
            return w;
        }
        double s = 1.0 / (1 + windows);
        int usable = 0;
        for (double v : w) {
            if (v > 0) {
                usable++;
            }
        }
        for (int i = 0; i < k; i++) {
            w[i] = w[i] > 0 ? (1 - s) * w[i] / sum + s / usable : 0;
        }
        return w;
    }

    /** The conformal quantile of sorted ratios at a level in percent; NaN when too few ratios. */
    public static double conformalQuantile(double[] sortedRatios, double level) {
        int n = sortedRatios.length;
        if (n < 10) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil((n + 1) * level / 100.0);
        return sortedRatios[Math.min(n, Math.max(1, rank)) - 1];
    }
}
