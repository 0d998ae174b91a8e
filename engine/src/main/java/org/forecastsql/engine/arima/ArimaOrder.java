package org.forecastsql.engine.arima;

/**
 * The order of a seasonal ARIMA(p,d,q)(P,D,Q)[s] model; {@code s = 1} means non-seasonal.
 * The layout of the coefficient vector follows R's {@code arima}: p AR, q MA, P seasonal AR,
 * Q seasonal MA, then the regression coefficients.
 */
record ArimaOrder(int p, int d, int q, int bigP, int bigD, int bigQ, int s) {

    ArimaOrder {
        if (p < 0 || d < 0 || q < 0 || bigP < 0 || bigD < 0 || bigQ < 0 || s < 1) {
            throw new IllegalArgumentException("bad ARIMA order " + p + "," + d + "," + q + "," + bigP + "," + bigD + "," + bigQ + "," + s);
        }
    }

    static ArimaOrder nonSeasonal(int p, int d, int q) {
        return new ArimaOrder(p, d, q, 0, 0, 0, 1);
    }

    /** Number of ARMA coefficients (p + q + P + Q). */
    int narma() {
        return p + q + bigP + bigQ;
    }

    /** Length of the expanded AR polynomial, p + s·P. */
    int expandedP() {
        return p + s * bigP;
    }

    /** Length of the expanded MA polynomial, q + s·Q. */
    int expandedQ() {
        return q + s * bigQ;
    }

    /** Observations lost to differencing, d + s·D. */
    int lostToDifferencing() {
        return d + s * bigD;
    }

    /** R's {@code ncond} for conditional sum of squares: d + sD + p + sP. */
    int cssConditioning() {
        return lostToDifferencing() + expandedP();
    }

    /** As R's {@code forecast::arima.string}: {@code ARIMA(p,d,q)(P,D,Q)[s]}, the seasonal part only when present. */
    String label() {
        String r = "ARIMA(" + p + "," + d + "," + q + ")";
        if (s > 1 && bigP + bigD + bigQ > 0) {
            r += "(" + bigP + "," + bigD + "," + bigQ + ")[" + s + "]";
        }
        return r;
    }
}
