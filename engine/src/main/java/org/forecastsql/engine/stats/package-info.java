/**
 * Probability distributions needed for prediction intervals (normal and Student t quantiles). Imports java.* only.
 */
package org.forecastsql.engine.stats;
