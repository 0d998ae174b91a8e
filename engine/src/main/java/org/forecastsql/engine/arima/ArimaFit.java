package org.forecastsql.engine.arima;

/**
 * A fitted ARIMA model as R's {@code stats::arima} returns it.
 *
 * @param order     the model order
 * @param coef      ARMA coefficients (p AR, q MA, P SAR, Q SMA) then regression coefficients
 * @param xregNames names of the regression columns (e.g. "intercept", "drift", user names)
 * @param sigma2    innovation variance (ML: ssq/n.used; CSS: the CSS variance)
 * @param loglik    log-likelihood (for CSS, R's conditional value)
 * @param aic       AIC (NaN for CSS, as R)
 * @param nUsed     observations used, n − |Delta|
 * @param residuals R's residuals (standardised innovations for ML; CSS residuals for CSS)
 * @param phi       expanded AR polynomial
 * @param theta     expanded MA polynomial
 * @param delta     differencing coefficients
 * @param state     filtered state at the end of the series
 * @param stateCov  its covariance (row-major), σ² = 1
 * @param varianceOk whether R's coefficient variance {@code var.coef} has a non-negative
 *                  diagonal (false: forecast's {@code checkarima} rejects the model); true for CSS, and
 *                  not computed (true) when an AR or MA root lies within 1.01 of the unit circle, a
 *                  model {@link AutoArima} rejects anyway
 */
record ArimaFit(ArimaOrder order, double[] coef, String[] xregNames, double sigma2, double loglik, double aic,
                int nUsed, double[] residuals, double[] phi, double[] theta, double[] delta,
                double[] state, double[] stateCov, boolean varianceOk) {

    int ncxreg() {
        return xregNames.length;
    }

    /** Number of estimated parameters (R's {@code sum(mask)}). */
    int npar() {
        return coef.length;
    }
}
