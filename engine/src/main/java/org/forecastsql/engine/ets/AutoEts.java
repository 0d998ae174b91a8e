package org.forecastsql.engine.ets;

import java.util.ArrayList;
import java.util.List;

/**
 * Automatic model choice, as R forecast 8.x {@code ets(y)} with its defaults
 * ({@code model = "ZZZ"}, {@code restrict = TRUE}, {@code allow.multiplicative.trend = FALSE},
 * {@code ic = "aicc"}, {@code bounds = "both"}).
 *
 * <p>Candidates in R's order: error A then M; trend N then A; season N, A, M; damped then
 * not. Dropped: damped without trend; additive error with a multiplicative component;
 * multiplicative error for data that are not all positive; seasonal forms when
 * {@code m = 1}, {@code m > 24} or {@code n ≤ m}. The first candidate with the strictly smallest
 * AICc wins.
 */
public final class AutoEts {
    private AutoEts() {
    }

    /** The candidate forms {@code ets(y)} tries for this data. */
    static List<EtsSpec> candidates(double[] y, int m) {
        boolean positive = true;
        for (double v : y) {
            if (!(v > 0)) {
                positive = false;
                break;
            }
        }
        boolean seasonal = m > 1 && m <= 24 && y.length > m;
        List<EtsSpec> out = new ArrayList<>();
        for (int error : new int[] {EtsSpec.ADD, EtsSpec.MULT}) {
            for (int trend : new int[] {EtsSpec.NONE, EtsSpec.ADD}) {
                for (int season : new int[] {EtsSpec.NONE, EtsSpec.ADD, EtsSpec.MULT}) {
                    for (boolean damped : new boolean[] {true, false}) {
                        if (trend == EtsSpec.NONE && damped) {
                            continue;
                        }
                        if (error == EtsSpec.ADD && season == EtsSpec.MULT) {
                            continue;
                        }
                        if (!positive && error == EtsSpec.MULT) {
                            continue;
                        }
                        if (!seasonal && season != EtsSpec.NONE) {
                            continue;
                        }
                        out.add(new EtsSpec(error, trend, damped, season));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Fits every candidate and returns the one with the smallest AICc.
     *
     * @throws IllegalArgumentException when no candidate can be fitted
     */
    public static EtsFit ets(double[] y, int m) {
        EtsFit best = null;
        for (EtsSpec s : candidates(y, m)) {
            EtsFit f = fitOrNull(y, m, s, EtsOptimizer.Criterion.LIK);
            if (f != null && (best == null ? f.aicc() < Double.POSITIVE_INFINITY : f.aicc() < best.aicc())) {
                best = f;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no ETS model could be fitted");
        }
        return best;
    }

    /** One given form, fitted by maximum likelihood ({@code ets(y, model = spec)}); null when it cannot be fitted. */
    public static EtsFit fit(double[] y, int m, EtsSpec spec) {
        return fitOrNull(y, m, spec, EtsOptimizer.Criterion.LIK);
    }

    /**
     * Simple exponential smoothing as {@code forecast::ses(y)}: ETS(A,N,N) with α and the initial
     * level chosen by the one-step in-sample MSE ({@code opt.crit = "mse"}).
     */
    public static EtsFit ses(double[] y) {
        EtsFit f = fitOrNull(y, 1, new EtsSpec(EtsSpec.ADD, EtsSpec.NONE, false, EtsSpec.NONE),
                EtsOptimizer.Criterion.MSE);
        if (f == null) {
            throw new IllegalArgumentException("simple exponential smoothing failed");
        }
        return f;
    }

    private static EtsFit fitOrNull(double[] y, int m, EtsSpec s, EtsOptimizer.Criterion crit) {
        try {
            return EtsOptimizer.etsmodel(y, m, s, crit);
        } catch (RuntimeException e) {
            // R wraps each candidate in try(): a failure only removes the candidate.
            return null;
        }
    }
}
