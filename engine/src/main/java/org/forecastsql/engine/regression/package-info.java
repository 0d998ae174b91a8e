/**
 * The global regression family: one ridge regression fitted across all series of a batch on
 * features from {@code engine.features} (direct multi-horizon, log1p target for counts), with
 * intervals from empirical residual quantiles per horizon step, standardised coefficients as
 * feature importance, and serialisation to bytes. Imports java.*, engine.calendar,
 * engine.features and engine.model.
 */
package org.forecastsql.engine.regression;
