package org.forecastsql.engine.train;

import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code season} option: {@code auto} (detect among the frequency's candidates), {@code none},
 * or explicit season lengths such as {@code 7} or {@code 7,365}.
 *
 * @param lengths explicit lengths (empty for auto and none)
 */
public record SeasonSpec(Mode mode, int[] lengths) {

    public enum Mode { AUTO, NONE, FIXED }

    public static final SeasonSpec AUTO = new SeasonSpec(Mode.AUTO, new int[0]);
    public static final SeasonSpec NONE = new SeasonSpec(Mode.NONE, new int[0]);

    /** Parses the option value; throws IllegalArgumentException naming what is accepted. */
    public static SeasonSpec parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return AUTO;
        }
        if (t.equals("none") || t.equals("1")) {
            return NONE;
        }
        String[] parts = t.split(",");
        int[] m = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                m[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                m[i] = -1;
            }
            if (m[i] < 2 || m[i] > 10_000) {
                throw new IllegalArgumentException("bad season '" + text
                        + "'; accepted: auto, none, or season lengths between 2 and 10000 separated by ',' (e.g. 7 or 7,365)");
            }
        }
        Arrays.sort(m);
        return new SeasonSpec(Mode.FIXED, m);
    }

    /** The primary season: the shortest explicit length (local models use one season). */
    public int primary() {
        return lengths.length == 0 ? 1 : lengths[0];
    }
}
