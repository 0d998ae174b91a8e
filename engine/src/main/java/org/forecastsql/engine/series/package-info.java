/**
 * The time axis of a batch of series: how a long encodes a time ({@link org.forecastsql.engine.series.TimeEncoding}),
 * the sampling frequency (given as the {@code freq} option or inferred by
 * {@link org.forecastsql.engine.series.FrequencyDetector}), calendar-correct stepping along the grid
 * ({@link org.forecastsql.engine.series.TimeAxis}: month ends, leap years), turning one series' raw
 * rows into a regular gap-filled grid ({@link org.forecastsql.engine.series.SeriesRegularizer}) and
 * season-length detection ({@link org.forecastsql.engine.series.SeasonDetector}).
 *
 * <p>Imports {@code java.*} only (no {@code java.sql}); works on primitive arrays, no per-row objects.
 */
package org.forecastsql.engine.series;
