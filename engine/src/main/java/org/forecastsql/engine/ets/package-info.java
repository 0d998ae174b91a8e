/**
 * Exponential smoothing in state-space form, as R's {@code forecast::ets} (forecast 8.x): the
 * recursions ({@code etscalc}), initial states, parameter bounds and admissibility (with R's
 * {@code cpolyroot}), maximum likelihood by Nelder-Mead ({@code nmmin}), AICc model selection
 * and the analytical forecast variances (classes 1-3). Also the classical decomposition
 * ({@code stats::decompose}) that both ETS and Theta use. Imports java.*, engine.model and
 * engine.stats only.
 */
package org.forecastsql.engine.ets;
