package org.forecastsql.engine.ets;

/**
 * One ETS model form: error, trend (possibly damped) and season components.
 *
 * <p>Component codes follow R's C code: {@link #NONE} 0, {@link #ADD} 1, {@link #MULT} 2.
 *
 * @param error  {@link #ADD} or {@link #MULT}
 * @param trend  {@link #NONE}, {@link #ADD} or {@link #MULT}
 * @param damped whether the trend is damped (only with a trend)
 * @param season {@link #NONE}, {@link #ADD} or {@link #MULT}
 */
public record EtsSpec(int error, int trend, boolean damped, int season) {
    public static final int NONE = 0;
    public static final int ADD = 1;
    public static final int MULT = 2;

    public EtsSpec {
        if (error != ADD && error != MULT) {
            throw new IllegalArgumentException("error must be A or M");
        }
        if (trend < NONE || trend > MULT || season < NONE || season > MULT) {
            throw new IllegalArgumentException("trend and season must be N, A or M");
        }
        if (damped && trend == NONE) {
            throw new IllegalArgumentException("a damped model needs a trend");
        }
    }

    /** Parses R's notation, e.g. {@code "MAdM"} or {@code "ANN"}. */
    public static EtsSpec parse(String s) {
        boolean damped = s.length() == 4 && s.charAt(2) == 'd';
        char season = s.charAt(s.length() - 1);
        return new EtsSpec(code(s.charAt(0)), code(s.charAt(1)), damped, code(season));
    }

    private static int code(char c) {
        return switch (c) {
            case 'N' -> NONE;
            case 'A' -> ADD;
            case 'M' -> MULT;
            default -> throw new IllegalArgumentException("component must be N, A or M, got " + c);
        };
    }

    private static char letter(int code) {
        return "NAM".charAt(code);
    }

    /** Number of state components: level, growth (if any), m seasonal states (if any). */
    int stateCount(int m) {
        return 1 + (trend != NONE ? 1 : 0) + (season != NONE ? m : 0);
    }

    /** R's method string, e.g. {@code "ETS(M,Ad,M)"}. */
    @Override
    public String toString() {
        return "ETS(" + letter(error) + "," + letter(trend) + (damped ? "d" : "") + "," + letter(season) + ")";
    }
}
