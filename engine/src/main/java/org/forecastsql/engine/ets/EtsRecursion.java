package org.forecastsql.engine.ets;

/**
 * The ETS state recursions, a port of {@code etscalc}, {@code forecast} and {@code update} in
 * R forecast 8.x {@code src/etscalc.c} (Hyndman, Koehler, Ord and Snyder, <i>Forecasting with
 * Exponential Smoothing</i>, 2008, ch. 2).
 *
 * <p>The state vector is {@code x = (l, b, s_1, ..., s_m)} with {@code s_1} the most recent
 * seasonal state. One step: forecast {@code f = (l ⊕ φb) ⊙ s_m}; error {@code e = y − f}
 * (additive) or {@code (y − f)/f} (multiplicative); level
 * {@code l' = q + α(p − q)} with {@code q = l ⊕ φb} and {@code p} the deseasonalised
 * observation; growth {@code b' = φb + (β/α)(r − φb)}; season {@code s' = s_m + γ(t − s_m)}.
 * The criterion returned is R's {@code lik = n·log(Σe²) + 2·Σlog|f|} (the last term for
 * multiplicative errors only), i.e. −2 log-likelihood up to a constant.
 */
final class EtsRecursion {
    static final double TOL = 1.0e-10;
    static final double HUGEN = 1.0e10;

    private EtsRecursion() {
    }

    /** Output of one pass over the data. */
    static final class Pass {
        double lik;
        final double[] e;
        final double[] amse;
        /** States after each observation, (n + 1) × p row-major; null when not wanted. */
        final double[] states;

        Pass(int n, int nmse, int p, boolean keepStates) {
            e = new double[n];
            amse = new double[nmse];
            states = keepStates ? new double[(n + 1) * p] : null;
        }
    }

    /**
     * Runs the filter from the initial state {@code x0} over {@code y} ({@code etscalc}).
     *
     * @param x0 initial state (l, b, s_1..s_m), as many components as the spec has
     * @param nmse number of steps for the average multi-step MSE (1..30)
     */
    static Pass etscalc(double[] y, double[] x0, int m, EtsSpec s, double alpha, double beta, double gamma,
                        double phi, int nmse, boolean keepStates) {
        int n = y.length;
        int trend = s.trend();
        int season = s.season();
        m = Math.max(m, 1);
        int p = 1 + (trend > 0 ? 1 : 0) + (season > 0 ? m : 0);
        Pass out = new Pass(n, nmse, p, keepStates);
        double l = x0[0];
        double b = trend > 0 ? x0[1] : 0.0;
        double[] sv = new double[m];
        double[] olds = new double[m];
        if (season > 0) {
            System.arraycopy(x0, 1 + (trend > 0 ? 1 : 0), sv, 0, m);
        }
        if (keepStates) {
            System.arraycopy(x0, 0, out.states, 0, p);
        }
        double[] f = new double[nmse];
        double[] denom = new double[nmse];
        double lik = 0;
        double lik2 = 0;
        int nobs = 0;
        double[] lb = new double[2];
        boolean multiplicative = s.error() == EtsSpec.MULT;
        for (int i = 0; i < n; i++) {
            double oldl = l;
            double oldb = b;
            if (season > 0) {
                System.arraycopy(sv, 0, olds, 0, m);
            }
            forecast(oldl, oldb, olds, m, trend, season, phi, f, nmse);
            if (Double.isNaN(f[0])) {
                out.lik = Double.NaN;
                return out;
            }
            double ei = s.error() == EtsSpec.ADD ? y[i] - f[0] : (y[i] - f[0]) / f[0];
            out.e[i] = ei;
            for (int j = 0; j < nmse; j++) {
                if (i + j < n) {
                    denom[j] += 1.0;
                    double tmp = y[i + j] - f[j];
                    out.amse[j] = (out.amse[j] * (denom[j] - 1.0) + tmp * tmp) / denom[j];
                }
            }
            update(oldl, oldb, olds, sv, m, trend, season, alpha, beta, gamma, phi, y[i], lb);
            l = lb[0];
            b = lb[1];
            if (keepStates) {
                int o = p * (i + 1);
                out.states[o] = l;
                if (trend > 0) {
                    out.states[o + 1] = b;
                }
                if (season > 0) {
                    System.arraycopy(sv, 0, out.states, o + 1 + (trend > 0 ? 1 : 0), m);
                }
            }
            lik += ei * ei;
            if (multiplicative) {
                lik2 += Math.log(Math.abs(f[0]));
            }
            nobs++;
        }
        lik = nobs * Math.log(lik);
        if (multiplicative) {
            lik += 2 * lik2;
        }
        out.lik = lik;
        return out;
    }

    /**
     * Point forecasts {@code f[0..h)} from a state ({@code forecast} in etscalc.c): with
     * {@code φ_h = φ + φ² + ... + φ^h}, {@code f_h = (l + φ_h b) + s}, {@code (l·b^{φ_h})·s}, etc.
     */
    static void forecast(double l, double b, double[] s, int m, int trend, int season, double phi, double[] f, int h) {
        double phistar = phi;
        for (int i = 0; i < h; i++) {
            if (trend == EtsSpec.NONE) {
                f[i] = l;
            } else if (trend == EtsSpec.ADD) {
                f[i] = l + phistar * b;
            } else if (b < 0) {
                f[i] = Double.NaN;
            } else {
                f[i] = l * Math.pow(b, phistar);
            }
            int j = m - 1 - i;
            while (j < 0) {
                j += m;
            }
            if (season == EtsSpec.ADD) {
                f[i] = f[i] + s[j];
            } else if (season == EtsSpec.MULT) {
                f[i] = f[i] * s[j];
            }
            if (i < h - 1) {
                if (Math.abs(phi - 1.0) < TOL) {
                    phistar = phistar + 1.0;
                } else {
                    phistar = phistar + Math.pow(phi, i + 1);
                }
            }
        }
    }

    /** One state update ({@code update} in etscalc.c); writes the new season into {@code s}, (l, b) into {@code lb}. */
    private static void update(double oldl, double oldb, double[] olds, double[] s, int m, int trend, int season,
                               double alpha, double beta, double gamma, double phi, double y, double[] lb) {
        double q;
        double phib;
        if (trend == EtsSpec.NONE) {
            q = oldl;
            phib = 0;
        } else if (trend == EtsSpec.ADD) {
            phib = phi * oldb;
            q = oldl + phib;
        } else if (Math.abs(phi - 1.0) < TOL) {
            phib = oldb;
            q = oldl * oldb;
        } else {
            phib = Math.pow(oldb, phi);
            q = oldl * phib;
        }
        double p;
        if (season == EtsSpec.NONE) {
            p = y;
        } else if (season == EtsSpec.ADD) {
            p = y - olds[m - 1];
        } else if (Math.abs(olds[m - 1]) < TOL) {
            p = HUGEN;
        } else {
            p = y / olds[m - 1];
        }
        double l = q + alpha * (p - q);
        double b = 0;
        if (trend > EtsSpec.NONE) {
            double r;
            if (trend == EtsSpec.ADD) {
                r = l - oldl;
            } else if (Math.abs(oldl) < TOL) {
                r = HUGEN;
            } else {
                r = l / oldl;
            }
            b = phib + (beta / alpha) * (r - phib);
        }
        if (season > EtsSpec.NONE) {
            double t;
            if (season == EtsSpec.ADD) {
                t = y - q;
            } else if (Math.abs(q) < TOL) {
                t = HUGEN;
            } else {
                t = y / q;
            }
            s[0] = olds[m - 1] + gamma * (t - olds[m - 1]);
            System.arraycopy(olds, 0, s, 1, m - 1);
        }
        lb[0] = l;
        lb[1] = b;
    }
}
