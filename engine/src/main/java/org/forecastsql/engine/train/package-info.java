/**
 * Training orchestration: rows to regular series, season detection, per-series method choice by
 * backtest with fallbacks, parallel over series; and the stored per-series state. Imports java.* and
 * the engine packages.
 */
package org.forecastsql.engine.train;
