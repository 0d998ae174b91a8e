/**
 * Rolling-origin backtests of model families (DESIGN §4). Imports java.* and engine.model/metrics.
 */
package org.forecastsql.engine.backtest;
