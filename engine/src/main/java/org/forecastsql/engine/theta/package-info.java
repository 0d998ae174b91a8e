/**
 * The Theta method as R's {@code forecast::thetaf} (forecast 8.x): seasonality test,
 * multiplicative classical decomposition, simple exponential smoothing plus half the linear
 * trend, and thetaf's intervals. Imports java.*, engine.model, engine.stats and engine.ets
 * (for {@code ses} and the decomposition).
 */
package org.forecastsql.engine.theta;
