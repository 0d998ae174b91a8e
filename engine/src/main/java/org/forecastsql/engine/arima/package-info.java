/**
 * The auto-ARIMA family: seasonal ARIMA with constant/drift and regression with ARIMA errors,
 * estimated as R's {@code stats::arima} (CSS start values, exact Gaussian likelihood by a Kalman
 * filter), and automatic order selection as R's {@code forecast::auto.arima}
 * (Hyndman-Khandakar stepwise search by AICc), by default with a faster approximation for long
 * series ({@link org.forecastsql.engine.arima.AutoArima}). Numeric kernels are static methods on
 * {@code double[]} named after the R routine they follow; {@link org.forecastsql.engine.arima.ArimaFamily}
 * is the thin family class. Imports java.*, engine.model and engine.stats only.
 */
package org.forecastsql.engine.arima;
