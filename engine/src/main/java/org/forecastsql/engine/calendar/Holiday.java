package org.forecastsql.engine.calendar;

import java.util.Objects;

/**
 * One occurrence of a holiday effect: the epoch days {@code firstDay..lastDay} (inclusive) carry
 * the effect {@code name}.
 *
 * @param name      effect name, the feature column's name (e.g. {@code cn_spring_festival_week})
 * @param firstDay  first day, days since 1970-01-01
 * @param lastDay   last day (inclusive), {@code >= firstDay}
 * @param seriesKey the series it applies to, or {@code null} for every series
 */
public record Holiday(String name, long firstDay, long lastDay, String seriesKey) {
    public Holiday {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("holiday name is blank");
        }
        if (lastDay < firstDay) {
            throw new IllegalArgumentException("holiday '" + name + "' ends (" + lastDay
                    + ") before it starts (" + firstDay + ")");
        }
    }

    /** A one-day holiday for every series. */
    public static Holiday on(String name, long day) {
        return new Holiday(name, day, day, null);
    }

    boolean appliesTo(String key) {
        return seriesKey == null || seriesKey.equals(key);
    }
}
