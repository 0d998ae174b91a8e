package org.forecastsql.engine.ets;

/**
 * Zeros of a complex polynomial by the Jenkins-Traub three-stage algorithm (TOMS 419,
 * Comm. ACM 15 (1972) 97-99), a port of R's {@code R_cpolyroot} (R 4.x {@code src/main/complex.c},
 * Ross Ihaka's C translation), which {@code forecast}'s admissibility check calls.
 *
 * <p>Ported step for step rather than replaced by a more accurate root finder on purpose: the
 * admissible region's boundary test {@code max|z| ≤ 1 + 1e-10} sits inside this routine's
 * rounding error when roots cluster near z = 1 (no trend, small α and γ), and the optimiser's
 * path, hence the chosen model, follows the decisions R makes there.
 *
 * <p>One instance per call (the C code keeps its state in file-level statics).
 */
final class CpolyRoots {
    private static final double ETA = Math.ulp(1.0);
    private static final double ARE = ETA;
    private static final double MRE = 2. * Math.sqrt(2.0) * ETA;
    private static final double INFIN = Double.MAX_VALUE;
    private static final double SMALNO = Double.MIN_NORMAL;
    private static final double BASE = 2.0;
    private static final double COSR = -0.06975647374412529990;
    private static final double SINR = 0.99756405025982424767;

    private int nn;
    private double[] pr;
    private double[] pi;
    private double[] hr;
    private double[] hi;
    private double[] qpr;
    private double[] qpi;
    private double[] qhr;
    private double[] qhi;
    private double[] shr;
    private double[] shi;
    private double sr;
    private double si;
    private double tr;
    private double ti;
    private double pvr;
    private double pvi;
    private double relstp;
    private double evr;
    private double evi;
    private double cr;
    private double ci;
    private double omp;
    private final double[] z = new double[2];

    private CpolyRoots() {
    }

    /**
     * The largest modulus among the zeros of the real polynomial with coefficients {@code c},
     * highest degree first. Like forecast's C++ caller, a failure is not an error: the zeros
     * found so far count (the others stay 0).
     */
    static double maxModulus(double[] c) {
        int degree = c.length - 1;
        double[] zr = new double[degree];
        double[] zi = new double[degree];
        new CpolyRoots().cpolyroot(c, new double[c.length], degree, zr, zi);
        double max = 0;
        for (int i = 0; i < degree; i++) {
            double a = Math.sqrt(zr[i] * zr[i] + zi[i] * zi[i]);
            if (a > max) {
                max = a;
            }
        }
        return max;
    }

    /** Returns false on failure (R's {@code fail = TRUE}). */
    private boolean cpolyroot(double[] opr, double[] opi, int degree, double[] zeror, double[] zeroi) {
        double xx = Math.sqrt(0.5);
        double yy = -xx;
        nn = degree;
        int d1 = nn - 1;
        if (opr[0] == 0. && opi[0] == 0.) {
            return false;
        }
        while (opr[nn] == 0. && opi[nn] == 0.) {
            int dn = d1 - nn + 1;
            zeror[dn] = 0.;
            zeroi[dn] = 0.;
            nn--;
        }
        nn++;
        if (nn == 1) {
            return true;
        }
        pr = new double[nn];
        pi = new double[nn];
        hr = new double[nn];
        hi = new double[nn];
        qpr = new double[nn];
        qpi = new double[nn];
        qhr = new double[nn];
        qhi = new double[nn];
        shr = new double[nn];
        shi = new double[nn];
        for (int i = 0; i < nn; i++) {
            pr[i] = opr[i];
            pi[i] = opi[i];
            shr[i] = hypot(pr[i], pi[i]);
        }
        double bnd = scale(nn, shr);
        if (bnd != 1.) {
            for (int i = 0; i < nn; i++) {
                pr[i] *= bnd;
                pi[i] *= bnd;
            }
        }
        while (nn > 2) {
            for (int i = 0; i < nn; i++) {
                shr[i] = hypot(pr[i], pi[i]);
            }
            bnd = cauchy(nn, shr, shi);
            boolean found = false;
            outer:
            for (int i1 = 1; i1 <= 2; i1++) {
                noshft(5);
                for (int i2 = 1; i2 <= 9; i2++) {
                    double xxx = COSR * xx - SINR * yy;
                    yy = SINR * xx + COSR * yy;
                    xx = xxx;
                    sr = bnd * xx;
                    si = bnd * yy;
                    if (fxshft(i2 * 10)) {
                        found = true;
                        break outer;
                    }
                }
            }
            if (!found) {
                return false;
            }
            int dn = d1 + 2 - nn;
            zeror[dn] = z[0];
            zeroi[dn] = z[1];
            --nn;
            for (int i = 0; i < nn; i++) {
                pr[i] = qpr[i];
                pi[i] = qpi[i];
            }
        }
        cdivid(-pr[1], -pi[1], pr[0], pi[0]);
        zeror[d1] = cr;
        zeroi[d1] = ci;
        return true;
    }

    private void noshft(int l1) {
        int n = nn - 1;
        int nm1 = n - 1;
        for (int i = 0; i < n; i++) {
            double xni = nn - i - 1;
            hr[i] = xni * pr[i] / n;
            hi[i] = xni * pi[i] / n;
        }
        for (int jj = 1; jj <= l1; jj++) {
            if (hypot(hr[n - 1], hi[n - 1]) <= ETA * 10.0 * hypot(pr[n - 1], pi[n - 1])) {
                for (int i = 1; i <= nm1; i++) {
                    int j = nn - i;
                    hr[j - 1] = hr[j - 2];
                    hi[j - 1] = hi[j - 2];
                }
                hr[0] = 0.;
                hi[0] = 0.;
            } else {
                cdivid(-pr[nn - 1], -pi[nn - 1], hr[n - 1], hi[n - 1]);
                tr = cr;
                ti = ci;
                for (int i = 1; i <= nm1; i++) {
                    int j = nn - i;
                    double t1 = hr[j - 2];
                    double t2 = hi[j - 2];
                    hr[j - 1] = tr * t1 - ti * t2 + pr[j - 1];
                    hi[j - 1] = tr * t2 + ti * t1 + pi[j - 1];
                }
                hr[0] = pr[0];
                hi[0] = pi[0];
            }
        }
    }

    /** Second stage; on convergence the zero is in {@link #z}. */
    private boolean fxshft(int l2) {
        int n = nn - 1;
        polyev(nn, sr, si, pr, pi, qpr, qpi);
        pvr = evr;
        pvi = evi;
        boolean test = true;
        boolean pasd = false;
        boolean bool = calct();
        for (int j = 1; j <= l2; j++) {
            double otr = tr;
            double oti = ti;
            nexth(bool);
            bool = calct();
            z[0] = sr + tr;
            z[1] = si + ti;
            if (!bool && test && j != l2) {
                if (hypot(tr - otr, ti - oti) >= hypot(z[0], z[1]) * 0.5) {
                    pasd = false;
                } else if (!pasd) {
                    pasd = true;
                } else {
                    for (int i = 0; i < n; i++) {
                        shr[i] = hr[i];
                        shi[i] = hi[i];
                    }
                    double svsr = sr;
                    double svsi = si;
                    if (vrshft(10)) {
                        return true;
                    }
                    test = false;
                    for (int i = 1; i <= n; i++) {
                        hr[i - 1] = shr[i - 1];
                        hi[i - 1] = shi[i - 1];
                    }
                    sr = svsr;
                    si = svsi;
                    polyev(nn, sr, si, pr, pi, qpr, qpi);
                    pvr = evr;
                    pvi = evi;
                    bool = calct();
                }
            }
        }
        return vrshft(10);
    }

    /** Third stage, starting from {@link #z}. */
    private boolean vrshft(int l3) {
        boolean b = false;
        sr = z[0];
        si = z[1];
        for (int i = 1; i <= l3; i++) {
            polyev(nn, sr, si, pr, pi, qpr, qpi);
            pvr = evr;
            pvi = evi;
            double mp = hypot(pvr, pvi);
            double ms = hypot(sr, si);
            if (mp <= 20. * errev(nn, qpr, qpi, ms, mp, ETA, MRE)) {
                z[0] = sr;
                z[1] = si;
                return true;
            }
            boolean skipToNext = false;
            if (i != 1) {
                if (!b && mp >= omp && relstp < .05) {
                    double tp = relstp;
                    b = true;
                    if (relstp < ETA) {
                        tp = ETA;
                    }
                    double r1 = Math.sqrt(tp);
                    double r2 = sr * (r1 + 1.) - si * r1;
                    si = sr * r1 + si * (r1 + 1.);
                    sr = r2;
                    polyev(nn, sr, si, pr, pi, qpr, qpi);
                    pvr = evr;
                    pvi = evi;
                    for (int j = 1; j <= 5; ++j) {
                        boolean bl = calct();
                        nexth(bl);
                    }
                    omp = INFIN;
                    skipToNext = true;
                } else if (mp * .1 > omp) {
                    return false;
                }
            }
            if (!skipToNext) {
                omp = mp;
            }
            boolean bool = calct();
            nexth(bool);
            bool = calct();
            if (!bool) {
                relstp = hypot(tr, ti) / hypot(sr, si);
                sr += tr;
                si += ti;
            }
        }
        return false;
    }

    /** t = −p(s)/h(s); returns true when h(s) is essentially zero. */
    private boolean calct() {
        int n = nn - 1;
        polyev(n, sr, si, hr, hi, qhr, qhi);
        double hvr = evr;
        double hvi = evi;
        boolean bool = hypot(hvr, hvi) <= ARE * 10. * hypot(hr[n - 1], hi[n - 1]);
        if (!bool) {
            cdivid(-pvr, -pvi, hvr, hvi);
            tr = cr;
            ti = ci;
        } else {
            tr = 0.;
            ti = 0.;
        }
        return bool;
    }

    private void nexth(boolean bool) {
        int n = nn - 1;
        if (!bool) {
            for (int j = 1; j < n; j++) {
                double t1 = qhr[j - 1];
                double t2 = qhi[j - 1];
                hr[j] = tr * t1 - ti * t2 + qpr[j];
                hi[j] = tr * t2 + ti * t1 + qpi[j];
            }
            hr[0] = qpr[0];
            hi[0] = qpi[0];
        } else {
            for (int j = 1; j < n; j++) {
                hr[j] = qhr[j - 1];
                hi[j] = qhi[j - 1];
            }
            hr[0] = 0.;
            hi[0] = 0.;
        }
    }

    /** Horner evaluation of p at s, partial sums into q; the value goes to (evr, evi). */
    private void polyev(int n, double sR, double sI, double[] pR, double[] pI, double[] qR, double[] qI) {
        qR[0] = pR[0];
        qI[0] = pI[0];
        double vr = qR[0];
        double vi = qI[0];
        for (int i = 1; i < n; i++) {
            double t = vr * sR - vi * sI + pR[i];
            vi = vr * sI + vi * sR + pI[i];
            qI[i] = vi;
            vr = t;
            qR[i] = vr;
        }
        evr = vr;
        evi = vi;
    }

    private static double errev(int n, double[] qr, double[] qi, double ms, double mp, double aRe, double mRe) {
        double e = hypot(qr[0], qi[0]) * mRe / (aRe + mRe);
        for (int i = 0; i < n; i++) {
            e = e * ms + hypot(qr[i], qi[i]);
        }
        return e * (aRe + mRe) - mp * mRe;
    }

    private static double cauchy(int n, double[] pot, double[] q) {
        int n1 = n - 1;
        pot[n1] = -pot[n1];
        double x = Math.exp((Math.log(-pot[n1]) - Math.log(pot[0])) / n1);
        if (pot[n1 - 1] != 0.) {
            double xm = -pot[n1] / pot[n1 - 1];
            if (xm < x) {
                x = xm;
            }
        }
        for (;;) {
            double xm = x * 0.1;
            double f = pot[0];
            for (int i = 1; i < n; i++) {
                f = f * xm + pot[i];
            }
            if (f <= 0.0) {
                break;
            }
            x = xm;
        }
        double dx = x;
        while (Math.abs(dx / x) > 0.005) {
            q[0] = pot[0];
            for (int i = 1; i < n; i++) {
                q[i] = q[i - 1] * x + pot[i];
            }
            double f = q[n1];
            double delf = q[0];
            for (int i = 1; i < n1; i++) {
                delf = delf * x + q[i];
            }
            dx = f / delf;
            x -= dx;
        }
        return x;
    }

    private static double scale(int n, double[] pot) {
        double high = Math.sqrt(INFIN);
        double lo = SMALNO / ETA;
        double max = 0.;
        double min = INFIN;
        for (int i = 0; i < n; i++) {
            double x = pot[i];
            if (x > max) {
                max = x;
            }
            if (x != 0. && x < min) {
                min = x;
            }
        }
        if (min < lo || max > high) {
            double x = lo / min;
            double sc;
            if (x <= 1.) {
                sc = 1. / (Math.sqrt(max) * Math.sqrt(min));
            } else {
                sc = x;
                if (INFIN / sc > max) {
                    sc = 1.0;
                }
            }
            int ell = (int) (Math.log(sc) / Math.log(BASE) + 0.5);
            return Math.pow(BASE, ell);
        }
        return 1.0;
    }

    /**
     * {@code sqrt(x² + y²)} with one fused multiply-add (within about 1 ulp, like C's
     * {@code hypot}); {@link Math#hypot} is exact to the same degree but several times slower,
     * and this routine calls it in its inner loops. Falls back to it outside a safe range.
     */
    static double hypot(double x, double y) {
        double ax = Math.abs(x);
        double ay = Math.abs(y);
        double big = Math.max(ax, ay);
        if (big < 1e150 && (big > 1e-150 || big == 0)) {
            return Math.sqrt(Math.fma(x, x, y * y));
        }
        return Math.hypot(x, y);
    }

    /** Complex division (ar + i·ai)/(br + i·bi) avoiding overflow; the result goes to (cr, ci). */
    private void cdivid(double ar, double ai, double br, double bi) {
        if (br == 0. && bi == 0.) {
            cr = Double.POSITIVE_INFINITY;
            ci = Double.POSITIVE_INFINITY;
        } else if (Math.abs(br) >= Math.abs(bi)) {
            double r = bi / br;
            double d = br + r * bi;
            cr = (ar + ai * r) / d;
            ci = (ai - ar * r) / d;
        } else {
            double r = br / bi;
            double d = bi + r * br;
            cr = (ar * r + ai) / d;
            ci = (ai * r - ar) / d;
        }
    }
}
