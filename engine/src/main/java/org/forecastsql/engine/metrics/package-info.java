/**
 * Forecast accuracy metrics as DESIGN §4 (M4 definitions). Imports java.* only.
 */
package org.forecastsql.engine.metrics;
