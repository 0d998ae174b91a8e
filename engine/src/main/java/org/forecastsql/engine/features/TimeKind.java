package org.forecastsql.engine.features;

/** How a series' time stamps are encoded. */
public enum TimeKind {
    /** Days since 1970-01-01 (DATE columns): daily and coarser data. */
    EPOCH_DAY,
    /** Milliseconds since 1970-01-01T00:00Z (TIMESTAMP columns): sub-daily data gets hour-of-day columns. */
    EPOCH_MILLIS;

    static final long MILLIS_PER_DAY = 86_400_000L;

    long epochDay(long time) {
        return this == EPOCH_DAY ? time : Math.floorDiv(time, MILLIS_PER_DAY);
    }
}
