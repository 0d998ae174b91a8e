/**
 * Features for global models, computed from a series' values, time stamps and covariates:
 * calendar parts, holiday effects ({@code engine.calendar}), lags and rolling statistics of the
 * target as of a forecast origin (direct multi-horizon: nothing after the origin is ever read),
 * per-series scaling, the series level, covariates and relative price. Imports java.* and
 * engine.calendar.
 */
package org.forecastsql.engine.features;
