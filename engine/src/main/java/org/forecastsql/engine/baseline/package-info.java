/**
 * Baseline families as R's forecast package computes them: naive, snaive, rwf with drift (lagwalk) and meanf. Pure numeric kernels on double[] plus thin model classes. Imports java.*, engine.model and engine.stats.
 */
package org.forecastsql.engine.baseline;
