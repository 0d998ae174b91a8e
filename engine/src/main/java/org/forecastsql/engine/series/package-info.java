/**
 * The time axis of a batch of series: how a long encodes a time ({@link org.forecastsql.engine.series.TimeEncoding}),
 * the sampling frequency (given as the {@code freq} option or inferred by
 * {@link org.forecastsql.engine.series.FrequencyDetector}), calendar-correct stepping along the grid
 * ({@link org.forecastsql.engine.series.TimeAxis}: month ends, leap years), turning one series' raw
 * rows into a regular gap-filled grid ({@link org.forecastsql.engine.series.SeriesRegularizer}) and
 * season-length detection ({@link org.forecastsql.engine.series.SeasonDetector}).
 *
 * <p>A trainer uses it per batch (rows grouped by series: series {@code s} owns
 * {@code rowIndex[offsets[s]..offsets[s+1])}):
 * <pre>{@code
 * Frequency f = "auto".equalsIgnoreCase(freq) ? FrequencyDetector.infer(time, rowIndex, offsets, enc)
 *                                              : Frequency.parse(freq, enc);
 * Regularized[] grid = SeriesRegularizer.regularizeAll(time, y, x, rowIndex, offsets, f, enc, fill);
 * // per series: counts for STATUS (duplicates, gapsFilled, missing, offGrid), then
 * int season = SeasonDetector.detect(g.y(), f.seasonCandidates());   // 1 = none
 * boolean usable = SeasonDetector.interpolateMissing(g.y());          // false: all missing, fall back
 * long t = g.timeAt(g.length() - 1 + h, f, enc);                      // time of forecast step h
 * long k = TimeAxis.index(g.start(), futureTime, f, enc, g.anchor()); // grid position of a future row
 * }</pre>
 * Store {@code f.label()} (read back with {@link org.forecastsql.engine.series.Frequency#parse}),
 * the encoding, and per series {@code start} and {@code anchor().dayOfMonth()} to continue the
 * calendar after reloading a model.
 *
 * <p>Imports {@code java.*} only (no {@code java.sql}); works on primitive arrays, no per-row objects.
 */
package org.forecastsql.engine.series;
