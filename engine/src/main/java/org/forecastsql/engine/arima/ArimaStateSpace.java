package org.forecastsql.engine.arima;

/**
 * The state-space form of an ARIMA model and its Kalman filter, as R's {@code makeARIMA},
 * {@code ARIMA_Like}, {@code KalmanFore} and {@code ARIMA_CSS} ({@code src/library/stats/src/arima.c}).
 *
 * <p>State: {@code r = max(p, q + 1)} ARMA components followed by {@code d} lagged undifferenced
 * values ({@code d = |Delta|}), {@code rd = r + d}. Transition {@code T}: companion of {@code phi}
 * in the first column with a shifted identity; the differencing rows use {@code Z = (1, 0…0, Delta)}.
 * Observation {@code y_t = Z'a_t}. The ARMA block of the initial covariance is the stationary
 * covariance (what Gardner et al. 1980, R's {@code getQ0}, compute), obtained here in
 * O(p³ + r²) from the ARMA autocovariances instead of Gardner's O(r⁶) least-squares solve; the
 * differencing block is diffuse with variance {@code kappa = 1e6}, as R.
 *
 * <p>A {@code ArimaStateSpace} holds work arrays and is not thread-safe: one per fit.
 */
final class ArimaStateSpace {
    static final double KAPPA = 1e6;

    final double[] phi;
    final double[] theta;
    final double[] delta;
    final int p;
    final int q;
    final int r;
    final int d;
    final int rd;
    /** Filtered state after {@link #like}: a[rd]. */
    final double[] a;
    /** Filtered state covariance after {@link #like}, row-major rd×rd. */
    final double[] pmat;
    private final double[] pnew;
    private final double[] mm;
    private final double[] anew;
    private final double[] m;
    private final double[] rvec;

    /** R's {@code makeARIMA}: phi and theta are the expanded polynomials, delta the differencing coefficients. */
    ArimaStateSpace(double[] phi, double[] theta, double[] delta) {
        this.p = phi.length;
        this.r = Math.max(p, theta.length + 1);
        this.phi = java.util.Arrays.copyOf(phi, r);
        this.theta = java.util.Arrays.copyOf(theta, r - 1);
        this.q = r - 1;
        this.delta = delta;
        this.d = delta.length;
        this.rd = r + d;
        this.a = new double[rd];
        this.pmat = new double[rd * rd];
        this.pnew = new double[rd * rd];
        this.mm = new double[rd * rd];
        this.anew = new double[rd];
        this.m = new double[rd];
        this.rvec = new double[r];
        rvec[0] = 1;
        System.arraycopy(this.theta, 0, rvec, 1, r - 1);
    }

    /**
     * The initial covariance Pn of R's {@code makeARIMA}: the stationary covariance of the ARMA
     * state (σ² = 1) in the top-left r×r block, {@code kappa} on the differencing diagonal.
     *
     * <p>With {@code a_t[i] = Σ_{j≥0} (phi[i+j] y_{t-1-j} + R[i+j] e_{t-j})}, R = (1, theta), the
     * recursion {@code P[i][k] = phi_i phi_k γ0 + R_i R_k + P[i+1][k+1] + phi_i c[k+1] + phi_k c[i+1]}
     * with {@code c[k] = Cov(y_t, a_t[k]) = Σ_j (phi[k+j] γ(j+1) + R[k+j] ψ_j)} gives it exactly
     * from the autocovariances γ and the MA(∞) weights ψ.
     *
     * @return false when the AR part is not stationary (the covariance does not exist)
     */
    boolean initialCovariance(double[] out) {
        java.util.Arrays.fill(out, 0);
        double[] psi = new double[r + 1];
        psi[0] = 1;
        for (int j = 1; j <= r; j++) {
            double s = j - 1 < q ? theta[j - 1] : 0;
            for (int i = 1; i <= Math.min(j, r); i++) {
                s += phi[i - 1] * psi[j - i];
            }
            psi[j] = s;
        }
        double[] gamma = autocovariances(psi);
        if (gamma == null) {
            return false;
        }
        double[] c = new double[r + 1];
        for (int k = 0; k < r; k++) {
            double s = 0;
            for (int j = 0; k + j < r; j++) {
                s += phi[k + j] * gamma[j + 1] + rvec[k + j] * psi[j];
            }
            c[k] = s;
        }
        for (int i = r - 1; i >= 0; i--) {
            for (int k = r - 1; k >= i; k--) {
                double v = phi[i] * phi[k] * gamma[0] + rvec[i] * rvec[k] + phi[i] * c[k + 1] + phi[k] * c[i + 1];
                if (k + 1 < r) {
                    v += out[(i + 1) * rd + k + 1];
                }
                out[i * rd + k] = v;
                out[k * rd + i] = v;
            }
        }
        for (int i = r; i < rd; i++) {
            out[i * rd + i] = KAPPA;
        }
        return true;
    }

    /**
     * Autocovariances γ(0..r) of the ARMA process (σ² = 1): the (p+1)×(p+1) system
     * {@code γ(k) − Σ phi_i γ(|k−i|) = Σ_{j≥k} θ_j ψ_{j−k}} (θ_0 = 1), then the AR recursion.
     */
    private double[] autocovariances(double[] psi) {
        int pe = p;
        while (pe > 0 && phi[pe - 1] == 0) {
            pe--;
        }
        double[] rhs = new double[r + 1];
        for (int k = 0; k <= r; k++) {
            double s = 0;
            for (int j = k; j <= q; j++) {
                double tj = j == 0 ? 1 : theta[j - 1];
                s += tj * psi[j - k];
            }
            rhs[k] = s;
        }
        double[] g = new double[r + 1];
        int n = pe + 1;
        double[] a = new double[n * n];
        double[] b = new double[n];
        for (int k = 0; k < n; k++) {
            a[k * n + k] += 1;
            for (int i = 1; i <= pe; i++) {
                a[k * n + Math.abs(k - i)] -= phi[i - 1];
            }
            b[k] = rhs[k];
        }
        if (!solve(a, b, n)) {
            return null;
        }
        System.arraycopy(b, 0, g, 0, n);
        for (int k = n; k <= r; k++) {
            double s = rhs[k];
            for (int i = 1; i <= pe; i++) {
                s += phi[i - 1] * g[k - i];
            }
            g[k] = s;
        }
        if (!(g[0] > 0) || !Double.isFinite(g[0])) {
            return null;
        }
        return g;
    }

    /** Gaussian elimination with partial pivoting; solution in b. */
    static boolean solve(double[] a, double[] b, int n) {
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(a[i * n + col]) > Math.abs(a[piv * n + col])) {
                    piv = i;
                }
            }
            if (Math.abs(a[piv * n + col]) < 1e-300) {
                return false;
            }
            if (piv != col) {
                for (int j = 0; j < n; j++) {
                    double t = a[col * n + j];
                    a[col * n + j] = a[piv * n + j];
                    a[piv * n + j] = t;
                }
                double t = b[col];
                b[col] = b[piv];
                b[piv] = t;
            }
            for (int i = col + 1; i < n; i++) {
                double f = a[i * n + col] / a[col * n + col];
                if (f != 0) {
                    for (int j = col; j < n; j++) {
                        a[i * n + j] -= f * a[col * n + j];
                    }
                    b[i] -= f * b[col];
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= a[i * n + j] * b[j];
            }
            b[i] = s / a[i * n + i];
        }
        return true;
    }

    /** Result of {@link #like}: sum of squares, sum of log gains, number of used innovations. */
    record Likelihood(double ssq, double sumlog, int nu) {
        /** R's {@code armafn} objective: {@code 0.5·(log(ssq/nu) + sumlog/nu)}. */
        double objective() {
            return 0.5 * (Math.log(ssq / nu) + sumlog / nu);
        }
    }

    /**
     * R's {@code ARIMA_Like}: runs the Kalman filter over {@code y} from the initial state
     * (a = 0, Pn = {@link #initialCovariance}); leaves the filtered state in {@link #a} and
     * {@link #pmat}. Innovations whose variance (gain) is ≥ 1e4 (the diffuse start) are not counted.
     *
     * <p>Once the predicted covariance stops changing (relative change below {@code steadyTol}
     * over a step, after the diffuse start), the filter is in steady state and further covariance
     * updates are skipped (a standard device, e.g. Harvey 1989 §3.3.4); {@code steadyTol = 0} never
     * skips, as R.
     *
     * @param resid when non-null, receives the standardised innovations {@code resid0/sqrt(gain)} (R's residuals)
     * @return null when the AR part is not stationary
     */
    Likelihood like(double[] y, double[] resid, double steadyTol) {
        java.util.Arrays.fill(a, 0);
        java.util.Arrays.fill(pmat, 0);
        if (!initialCovariance(pnew)) {
            return null;
        }
        double ssq = 0;
        double sumlog = 0;
        int nu = 0;
        int n = y.length;
        boolean steady = false;
        double gain = 0;
        for (int l = 0; l < n; l++) {
            predictState();
            if (l > 0 && !steady) {
                predictCovariance();
                if (steadyTol > 0 && l > d + 1) {
                    double diff = 0;
                    double scale = 0;
                    for (int i = 0; i < rd * rd; i++) {
                        diff = Math.max(diff, Math.abs(pnew[i] - prevPnew(i)));
                        scale = Math.max(scale, Math.abs(pnew[i]));
                    }
                    if (diff <= steadyTol * scale) {
                        steady = true;
                    }
                }
                savePrev();
            } else if (l == 0) {
                savePrev();
            }
            double resid0 = y[l] - anew[0];
            for (int i = 0; i < d; i++) {
                resid0 -= delta[i] * anew[r + i];
            }
            if (!steady || l == 0) {
                for (int i = 0; i < rd; i++) {
                    double t = pnew[i * rd];
                    for (int k = 0; k < d; k++) {
                        t += pnew[i * rd + r + k] * delta[k];
                    }
                    m[i] = t;
                }
                gain = m[0];
                for (int k = 0; k < d; k++) {
                    gain += delta[k] * m[r + k];
                }
            }
            if (gain < 1e4) {
                nu++;
                ssq += resid0 * resid0 / gain;
                sumlog += Math.log(gain);
            }
            if (resid != null) {
                resid[l] = resid0 / Math.sqrt(gain);
            }
            for (int i = 0; i < rd; i++) {
                a[i] = anew[i] + m[i] * resid0 / gain;
            }
            if (!steady) {
                for (int i = 0; i < rd; i++) {
                    double mi = m[i] / gain;
                    for (int j = 0; j < rd; j++) {
                        pmat[i * rd + j] = pnew[i * rd + j] - mi * m[j];
                    }
                }
            }
        }
        return new Likelihood(ssq, sumlog, nu);
    }

    /**
     * The exact Gaussian likelihood of a stationary ARMA series {@code w} (σ² = 1 concentrated
     * out), by the Chandrasekhar recursions of the Kalman filter (Morf, Sidhu & Kailath 1974;
     * Harvey 1989 §3.3.4): starting from the stationary covariance, {@code P_{t+1} − P_t = W_t M_t W_t'}
     * has rank one, so gain and innovation variance update in O(r) per step instead of the
     * Riccati equation's O(r²):
     * {@code F' = F + M w0²}, {@code K' = K + M w0 TW}, {@code W' = TW − K w0/F},
     * {@code M' = M·F/F'} with {@code w0 = W[0]}. Applied to the differenced series
     * this equals R's {@code ARIMA_Like} on the undifferenced one in the diffuse limit
     * ({@code kappa → ∞}; R's kappa = 1e6 differs by O(1/kappa)). Once {@code |M|·|W|²} falls
     * below {@code steadyTol·F}, the gain is frozen (steady state).
     *
     * @return null when the AR part is not stationary
     */
    static Likelihood armaLike(double[] w, int from, double[] phi, double[] theta, double steadyTol) {
        return armaLike(w, from, phi, theta, steadyTol, null);
    }

    /**
     * As {@link #armaLike(double[], int, double[], double[], double)}; when {@code std} is not
     * null it also receives the standardised innovations {@code v_t/√F_t} of the counted steps
     * (0 elsewhere), so that {@code Σ std² = ssq}: the residuals of the likelihood in
     * least-squares form ({@link ArimaEstimator}'s Gauss-Newton ML).
     */
    static Likelihood armaLike(double[] w, int from, double[] phi, double[] theta, double steadyTol, double[] std) {
        ArimaStateSpace ss = new ArimaStateSpace(phi, theta, new double[0]);
        int r = ss.r;
        double[] sigma = ss.pnew;
        if (!ss.initialCovariance(sigma)) {
            return null;
        }
        double[] ph = ss.phi;
        double[] k = new double[r];
        for (int i = 0; i < r; i++) {
            k[i] = ph[i] * sigma[0] + (i < r - 1 ? sigma[(i + 1) * r] : 0);
        }
        double f = sigma[0];
        double[] wv = k.clone();
        double[] tw = new double[r];
        double m = -1 / f;
        double[] a = ss.a;
        double ssq = 0;
        double sumlog = 0;
        int nu = 0;
        boolean steady = false;
        double logf = Math.log(f);
        for (int t = from; t < w.length; t++) {
            double v = w[t] - a[0];
            if (f < 1e4) {
                // as ARIMA_Like: innovations with variance ≥ 1e4 do not count, even for a
                // stationary but nearly non-stationary ARMA part
                ssq += v * v / f;
                sumlog += logf;
                nu++;
                if (std != null) {
                    std[t] = v / Math.sqrt(f);
                }
            } else if (std != null) {
                std[t] = 0;
            }
            double a0 = a[0];
            double g = v / f;
            for (int i = 0; i < r - 1; i++) {
                a[i] = ph[i] * a0 + a[i + 1] + k[i] * g;
            }
            a[r - 1] = ph[r - 1] * a0 + k[r - 1] * g;
            if (!steady) {
                double w0 = wv[0];
                double fn = f + m * w0 * w0;
                double norm = 0;
                for (int i = 0; i < r; i++) {
                    tw[i] = ph[i] * w0 + (i < r - 1 ? wv[i + 1] : 0);
                    norm += wv[i] * wv[i];
                }
                double mw = m * w0;
                double kw = w0 / f;
                for (int i = 0; i < r; i++) {
                    wv[i] = tw[i] - k[i] * kw;
                    k[i] += mw * tw[i];
                }
                m = m * f / fn;
                f = fn;
                logf = Math.log(f);
                if (Math.abs(m) * norm <= steadyTol * f) {
                    steady = true;
                }
            }
        }
        return new Likelihood(ssq, sumlog, nu);
    }

    private double[] prev;

    private double prevPnew(int i) {
        return prev[i];
    }

    private void savePrev() {
        if (prev == null) {
            prev = new double[rd * rd];
        }
        System.arraycopy(pnew, 0, prev, 0, rd * rd);
    }

    /** anew = T a. */
    private void predictState() {
        for (int i = 0; i < r; i++) {
            double t = i < r - 1 ? a[i + 1] : 0.0;
            t += phi[i] * a[0];
            anew[i] = t;
        }
        if (d > 0) {
            for (int i = r + 1; i < rd; i++) {
                anew[i] = a[i - 1];
            }
            double t = a[0];
            for (int i = 0; i < d; i++) {
                t += delta[i] * a[r + i];
            }
            anew[r] = t;
        }
    }

    /** pnew = T pmat T' + V, with V = R R', R = (1, theta, 0…0). */
    private void predictCovariance() {
        // mm = T P
        for (int i = 0; i < r; i++) {
            double ph = phi[i];
            for (int j = 0; j < rd; j++) {
                double t = ph * pmat[j];
                if (i < r - 1) {
                    t += pmat[(i + 1) * rd + j];
                }
                mm[i * rd + j] = t;
            }
        }
        if (d > 0) {
            for (int j = 0; j < rd; j++) {
                double t = pmat[j];
                for (int k = 0; k < d; k++) {
                    t += delta[k] * pmat[(r + k) * rd + j];
                }
                mm[r * rd + j] = t;
            }
            for (int i = r + 1; i < rd; i++) {
                System.arraycopy(pmat, (i - 1) * rd, mm, i * rd, rd);
            }
        }
        // pnew = mm T'
        for (int i = 0; i < rd; i++) {
            int row = i * rd;
            double m0 = mm[row];
            for (int j = 0; j < r; j++) {
                double t = phi[j] * m0;
                if (j < r - 1) {
                    t += mm[row + j + 1];
                }
                pnew[row + j] = t;
            }
            if (d > 0) {
                double t = m0;
                for (int k = 0; k < d; k++) {
                    t += delta[k] * mm[row + r + k];
                }
                pnew[row + r] = t;
                for (int j = r + 1; j < rd; j++) {
                    pnew[row + j] = mm[row + j - 1];
                }
            }
        }
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                pnew[i * rd + j] += rvec[i] * rvec[j];
            }
        }
    }

    /**
     * R's {@code KalmanFore}: from the filtered state left by {@link #like}, the h-step forecasts
     * of the undifferenced series and their variances (σ² = 1).
     *
     * @return {mean[h], var[h]}
     */
    double[][] forecast(int h) {
        double[] mean = new double[h];
        double[] var = new double[h];
        for (int l = 0; l < h; l++) {
            predictState();
            System.arraycopy(anew, 0, a, 0, rd);
            double fc = a[0];
            for (int k = 0; k < d; k++) {
                fc += delta[k] * a[r + k];
            }
            mean[l] = fc;
            predictCovariance();
            System.arraycopy(pnew, 0, pmat, 0, rd * rd);
            double v = 0;
            for (int i = 0; i < rd; i++) {
                double zi = i == 0 ? 1 : i >= r ? delta[i - r] : 0;
                if (zi == 0) {
                    continue;
                }
                for (int j = 0; j < rd; j++) {
                    double zj = j == 0 ? 1 : j >= r ? delta[j - r] : 0;
                    v += zi * zj * pmat[i * rd + j];
                }
            }
            var[l] = v;
        }
        return new double[][] {mean, var};
    }

    /**
     * {@link #css} on an already differenced series {@code w}: residuals from index
     * {@code start} (R's ncond minus the observations lost to differencing) on, into {@code res}.
     *
     * @return ssq / nu
     */
    static double cssDifferenced(double[] w, int start, double[] phi, double[] theta, double[] res) {
        int n = w.length;
        int[] pn = CssLeastSquares.nonZero(phi);
        int[] qn = CssLeastSquares.nonZero(theta);
        double ssq = 0;
        int nu = 0;
        for (int l = start; l < n; l++) {
            double tmp = w[l];
            for (int j : pn) {
                tmp -= phi[j] * w[l - j - 1];
            }
            int jm = l - start;
            for (int j : qn) {
                if (j >= jm) {
                    break;
                }
                tmp -= theta[j] * res[l - j - 1];
            }
            res[l] = tmp;
            ssq += tmp * tmp;
            nu++;
        }
        return ssq / nu;
    }

    /**
     * R's {@code ARIMA_CSS}: conditional sum of squares of the differenced series, residuals
     * from observation {@code ncond} on (earlier ones 0).
     *
     * @param resid when non-null, receives the residuals
     * @return ssq / nu, the CSS variance
     */
    static double css(double[] y, ArimaOrder o, double[] phi, double[] theta, int ncond, double[] resid) {
        int n = y.length;
        double[] w = y.clone();
        for (int i = 0; i < o.d(); i++) {
            for (int l = n - 1; l > 0; l--) {
                w[l] -= w[l - 1];
            }
        }
        int ns = o.s();
        for (int i = 0; i < o.bigD(); i++) {
            for (int l = n - 1; l >= ns; l--) {
                w[l] -= w[l - ns];
            }
        }
        double[] res = resid != null ? resid : new double[n];
        int p = phi.length;
        int q = theta.length;
        double ssq = 0;
        int nu = 0;
        for (int l = 0; l < ncond && l < n; l++) {
            res[l] = 0;
        }
        for (int l = ncond; l < n; l++) {
            double tmp = w[l];
            for (int j = 0; j < p; j++) {
                tmp -= phi[j] * w[l - j - 1];
            }
            int jm = Math.min(l - ncond, q);
            for (int j = 0; j < jm; j++) {
                tmp -= theta[j] * res[l - j - 1];
            }
            res[l] = tmp;
            if (!Double.isNaN(tmp)) {
                nu++;
                ssq += tmp * tmp;
            }
        }
        return ssq / nu;
    }
}
