/**
 * The SQL surface: the Calcite schema over H2 (every H2 schema through Calcite's JDBC adapter), the
 * table functions TRAIN_MODEL, FORECAST, EVALUATE, DROP_MODEL and FEATURE_IMPORTANCE, and the system tables
 * FORECAST_MODELS and FORECAST_INFO. Parses arguments and options, calls storage (scans, catalogue)
 * and engine (training, forecasting), returns rows; no numerics here. Imports Calcite, engine, storage.
 */
package org.forecastsql.sql;
