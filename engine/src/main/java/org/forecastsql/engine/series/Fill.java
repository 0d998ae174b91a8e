package org.forecastsql.engine.series;

import java.util.Locale;

/**
 * How {@link SeriesRegularizer} fills the target at grid periods that have no row at all (the
 * {@code fill} option). A row whose target is NULL is not a gap: it stays missing (NaN) whatever
 * the mode.
 */
public enum Fill {
    /** Absent periods had nothing: 0 (the default: demand data leaves out zero-sales days). */
    ZERO,
    /** The last non-missing value before the gap (NaN when there is none). */
    PREVIOUS,
    /** Linear interpolation between the non-missing values either side of the gap; the nearest one at an end. */
    LINEAR,
    /** Leave the gap missing (NaN); models interpolate or fall back. */
    NULL;

    /**
     * Parses the {@code fill} option value, case-insensitively.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Fill parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Fill f : values()) {
            if (f.name().equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("bad fill '" + text + "'; accepted: zero, previous, linear, null");
    }
}
