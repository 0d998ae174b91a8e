package org.forecastsql.engine.ets;

/**
 * Forecast means and variances of ETS models in closed form, as R forecast 8.x
 * {@code class1}, {@code class2} and {@code class3} (Hyndman, Koehler, Ord and Snyder 2008,
 * ch. 6): class 1 is the linear homoscedastic models (A,N|A|Ad,N|A), class 2 the same with
 * multiplicative error (M,N|A|Ad,N|A), class 3 multiplicative error and season with a
 * non-multiplicative trend (M,N|A|Ad,M). All forms {@code ets} chooses by default are in one of
 * these classes (only multiplicative trends, off by default, would need simulation).
 *
 * <p>Class 1: {@code μ_h = H F^{h−1} x_n}, {@code v_h = σ²(1 + Σ_{j=1}^{h−1} c_j²)},
 * {@code c_j = H F^{j−1} G}. Class 2: {@code θ_1 = μ_1²},
 * {@code θ_h = μ_h² + σ² Σ_{j=1}^{h−1} c_j² θ_{h−j}}, {@code v_h = (1 + σ²)θ_h − μ_h²}.
 * Class 3: R's Kronecker-product recursion for the mean matrix {@code M_h} and its covariance
 * {@code V_h}. The matrices are built exactly as R builds them, so the intervals agree with
 * R's. That includes a quirk of {@code class1}: γ goes to G's third row even without a trend,
 * where the third state is {@code s_2}, not {@code s_1}; for (A|M,N,A) this shifts the seasonal
 * term of {@code c_j} from {@code j = km} to {@code j = km − 1}, so the variance at steps
 * {@code h = m, 2m, ...} is larger by {@code (2αγ + γ²)σ²} (class 1; similarly class 2) and
 * equal elsewhere: negligible for the small γ that ML usually finds.
 */
final class EtsVariance {
    private EtsVariance() {
    }

    /** Whether {@link #meanAndVariance} covers this form analytically. */
    static boolean analytic(EtsSpec s) {
        return s.trend() != EtsSpec.MULT && (s.season() != EtsSpec.MULT || s.error() == EtsSpec.MULT);
    }

    /** {mu[h], var[h]} for steps 1..h from the last state. */
    static double[][] meanAndVariance(EtsFit fit, int h) {
        EtsSpec s = fit.spec();
        if (s.season() == EtsSpec.MULT) {
            return class3(fit, h);
        }
        double[][] c1 = class1(fit, h);
        if (s.error() == EtsSpec.ADD) {
            return new double[][] {c1[0], c1[1]};
        }
        double[] mu = c1[0];
        double[] cj = c1[2];
        double sigma2 = fit.sigma2();
        double[] theta = new double[h];
        theta[0] = mu[0] * mu[0];
        for (int j = 1; j < h; j++) {
            double sum = 0;
            for (int k = 0; k < j; k++) {
                sum += cj[k] * cj[k] * theta[j - 1 - k];
            }
            theta[j] = mu[j] * mu[j] + sigma2 * sum;
        }
        double[] var = new double[h];
        for (int j = 0; j < h; j++) {
            var[j] = (1 + sigma2) * theta[j] - mu[j] * mu[j];
        }
        return new double[][] {mu, var};
    }

    /** {mu, var, cj} of {@code class1}; cj has h − 1 entries. */
    private static double[][] class1(EtsFit fit, int h) {
        EtsSpec s = fit.spec();
        double[] x = fit.lastState();
        int p = x.length;
        int m = fit.m();
        boolean trend = s.trend() == EtsSpec.ADD;
        boolean season = s.season() == EtsSpec.ADD;
        double phi = s.damped() ? fit.phi() : 1;
        double[] hv = new double[p];
        hv[0] = 1;
        if (season) {
            hv[p - 1] = 1;
        }
        if (trend) {
            hv[1] = phi;
        }
        double[][] f = new double[p][p];
        f[0][0] = 1;
        if (trend) {
            f[0][1] = phi;
            f[1][1] = phi;
        }
        if (season) {
            f[p - m][p - 1] = 1;
            for (int i = 0; i < m - 1; i++) {
                f[p - m + 1 + i][p - m + i] = 1;
            }
        }
        double[] g = new double[p];
        g[0] = fit.alpha();
        if (trend) {
            g[1] = fit.beta();
        }
        if (season) {
            g[2] = fit.gamma();
        }
        double[] mu = new double[h];
        double[] cj = new double[Math.max(h - 1, 0)];
        double[] hf = hv.clone(); // H F^j as a row vector
        for (int i = 0; i < h; i++) {
            mu[i] = dot(hf, x);
            if (i < h - 1) {
                cj[i] = dot(hf, g);
            }
            hf = rowTimes(hf, f);
        }
        double[] var = new double[h];
        double cum = 0;
        var[0] = fit.sigma2();
        for (int i = 1; i < h; i++) {
            cum += cj[i - 1] * cj[i - 1];
            var[i] = fit.sigma2() * (1 + cum);
        }
        return new double[][] {mu, var, cj};
    }

    private static double[][] class3(EtsFit fit, int h) {
        EtsSpec s = fit.spec();
        double[] x = fit.lastState();
        int p = x.length;
        int m = fit.m();
        double sigma2 = fit.sigma2();
        int k = s.trend() == EtsSpec.NONE ? 1 : 2;
        double[][] h1 = new double[1][k];
        java.util.Arrays.fill(h1[0], 1);
        double[][] h2 = new double[1][m];
        h2[0][m - 1] = 1;
        double[][] f1;
        double[][] g1;
        if (k == 1) {
            f1 = new double[][] {{1}};
            g1 = new double[][] {{fit.alpha()}};
        } else {
            f1 = new double[][] {{1, 1}, {0, s.damped() ? fit.phi() : 1}};
            g1 = new double[][] {{fit.alpha(), fit.alpha()}, {fit.beta(), fit.beta()}};
        }
        double[][] f2 = new double[m][m];
        f2[0][m - 1] = 1;
        for (int i = 1; i < m; i++) {
            f2[i][i - 1] = 1;
        }
        double[][] g2 = new double[m][m];
        g2[0][m - 1] = fit.gamma();
        double[][] mh = new double[k][m];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < m; j++) {
                mh[i][j] = x[i] * x[p - m + j];
            }
        }
        int km = k * m;
        double[][] vh = new double[km][km];
        double[][] h21 = kron(h2, h1);
        double[][] f21 = kron(f2, f1);
        double[][] g21 = kron(g2, g1);
        double[][] kk = add(kron(g2, f1), kron(f2, g1));
        double[][] f21t = transpose(f21);
        double[][] g21t = transpose(g21);
        double[][] kkt = transpose(kk);
        double[] mu = new double[h];
        double[] var = new double[h];
        for (int i = 0; i < h; i++) {
            mu[i] = mul(mul(h1, mh), transpose(h2))[0][0];
            double hv = mul(mul(h21, vh), transpose(h21))[0][0];
            var[i] = (1 + sigma2) * hv + sigma2 * mu[i] * mu[i];
            double[] vec = new double[km];
            for (int c = 0; c < m; c++) {
                for (int r = 0; r < k; r++) {
                    vec[r + k * c] = mh[r][c];
                }
            }
            double[][] vv = new double[km][km];
            for (int a = 0; a < km; a++) {
                for (int b = 0; b < km; b++) {
                    vv[a][b] = vec[a] * vec[b];
                }
            }
            double[][] t1 = mul(mul(f21, vh), f21t);
            double[][] t2 = mul(mul(f21, vh), g21t);
            double[][] t3 = mul(mul(g21, vh), f21t);
            double[][] t4 = mul(mul(kk, add(vh, vv)), kkt);
            double[][] inner = new double[km][km];
            for (int a = 0; a < km; a++) {
                for (int b = 0; b < km; b++) {
                    inner[a][b] = 3 * vh[a][b] + 2 * vv[a][b];
                }
            }
            double[][] t5 = mul(mul(g21, inner), g21t);
            double[][] nv = new double[km][km];
            for (int a = 0; a < km; a++) {
                for (int b = 0; b < km; b++) {
                    nv[a][b] = t1[a][b] + sigma2 * (t2[a][b] + t3[a][b] + t4[a][b] + sigma2 * t5[a][b]);
                }
            }
            vh = nv;
            double[][] m1 = mul(mul(f1, mh), transpose(f2));
            double[][] m2 = mul(mul(g1, mh), transpose(g2));
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < m; b++) {
                    m1[a][b] += m2[a][b] * sigma2;
                }
            }
            mh = m1;
        }
        return new double[][] {mu, var};
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] rowTimes(double[] r, double[][] f) {
        int p = r.length;
        double[] out = new double[p];
        for (int i = 0; i < p; i++) {
            if (r[i] != 0) {
                for (int j = 0; j < p; j++) {
                    out[j] += r[i] * f[i][j];
                }
            }
        }
        return out;
    }

    private static double[][] kron(double[][] a, double[][] b) {
        int ar = a.length;
        int ac = a[0].length;
        int br = b.length;
        int bc = b[0].length;
        double[][] out = new double[ar * br][ac * bc];
        for (int i = 0; i < ar; i++) {
            for (int j = 0; j < ac; j++) {
                if (a[i][j] != 0) {
                    for (int r = 0; r < br; r++) {
                        for (int c = 0; c < bc; c++) {
                            out[i * br + r][j * bc + c] = a[i][j] * b[r][c];
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double v = a[i][l];
                if (v != 0) {
                    for (int j = 0; j < m; j++) {
                        out[i][j] += v * b[l][j];
                    }
                }
            }
        }
        return out;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] + b[i][j];
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }
}
