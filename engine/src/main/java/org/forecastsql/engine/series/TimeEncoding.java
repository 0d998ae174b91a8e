package org.forecastsql.engine.series;

/**
 * How a {@code long} encodes a point in time.
 *
 * <ul>
 *   <li>{@link #EPOCH_DAY}: days since 1970-01-01 (SQL {@code DATE}).</li>
 *   <li>{@link #EPOCH_MILLIS}: milliseconds since the epoch of the wall-clock time read as UTC
 *       (SQL {@code TIMESTAMP} without time zone), so there are no daylight-saving jumps: every
 *       day has 86 400 000 ms.</li>
 *   <li>{@link #INTEGER}: plain integer periods (1, 2, 3, … or 2019, 2020, …); the only unit is
 *       {@link Frequency.Unit#STEP}.</li>
 * </ul>
 */
public enum TimeEncoding {
    EPOCH_DAY,
    EPOCH_MILLIS,
    INTEGER
}
