package org.forecastsql.engine.series;

import java.util.Locale;

/**
 * The sampling frequency of a series: a calendar unit and a positive multiple of it.
 *
 * <p>Fixed-length units ({@link Unit#SECOND} to {@link Unit#WEEK}) are plain durations;
 * {@link Unit#MONTH}, {@link Unit#QUARTER} and {@link Unit#YEAR} step along the calendar
 * (see {@link TimeAxis}); {@link Unit#STEP} counts integer periods and is the only unit for
 * {@link TimeEncoding#INTEGER}.
 *
 * @param unit the calendar unit
 * @param step how many units one period spans, at least 1
 */
public record Frequency(Unit unit, long step) {

    /** Calendar units of a frequency. */
    public enum Unit {
        SECOND("S"), MINUTE("MIN"), HOUR("H"), DAY("D"), WEEK("W"), MONTH("M"), QUARTER("Q"), YEAR("Y"), STEP("");

        private final String letter;

        Unit(String letter) {
            this.letter = letter;
        }

        /** The short name used by {@link #label()} and accepted by {@link #parse}. */
        public String letter() {
            return letter;
        }

        /** True for units that step along the calendar (month lengths vary). */
        public boolean calendar() {
            return this == MONTH || this == QUARTER || this == YEAR;
        }

        /** Months in one unit for calendar units, 0 otherwise. */
        int months() {
            return switch (this) {
                case MONTH -> 1;
                case QUARTER -> 3;
                case YEAR -> 12;
                default -> 0;
            };
        }

        /** Milliseconds in one unit for fixed-length units, 0 otherwise. */
        long millis() {
            return switch (this) {
                case SECOND -> 1_000L;
                case MINUTE -> 60_000L;
                case HOUR -> 3_600_000L;
                case DAY -> TimeAxis.DAY_MILLIS;
                case WEEK -> 7 * TimeAxis.DAY_MILLIS;
                default -> 0;
            };
        }
    }

    /** The explicit values of the {@code freq} option, for messages. */
    static final String EXPLICIT = "H (hourly), D (daily), W (weekly), M (monthly), Q (quarterly), Y (yearly), "
            + "a multiple such as 2W, 15MIN, 30S or 6M, or a positive integer step";
    /** Every value of the {@code freq} option, for messages. */
    static final String ACCEPTED = "auto, " + EXPLICIT;

    public Frequency {
        if (unit == null) {
            throw new IllegalArgumentException("frequency unit is null");
        }
        if (step < 1) {
            throw new IllegalArgumentException("frequency step must be >= 1, got " + step);
        }
    }

    /** Hourly. */
    public static final Frequency HOURLY = new Frequency(Unit.HOUR, 1);
    /** Daily. */
    public static final Frequency DAILY = new Frequency(Unit.DAY, 1);
    /** Weekly. */
    public static final Frequency WEEKLY = new Frequency(Unit.WEEK, 1);
    /** Monthly. */
    public static final Frequency MONTHLY = new Frequency(Unit.MONTH, 1);
    /** Quarterly. */
    public static final Frequency QUARTERLY = new Frequency(Unit.QUARTER, 1);
    /** Yearly. */
    public static final Frequency YEARLY = new Frequency(Unit.YEAR, 1);

    /** Integer periods {@code step} apart. */
    public static Frequency steps(long step) {
        return new Frequency(Unit.STEP, step);
    }

    /**
     * Parses the {@code freq} option (not {@code auto}, which the caller handles by calling
     * {@link FrequencyDetector}). Accepted, case-insensitively: {@code H, D, W, M, Q, Y}, the words
     * {@code hourly, daily, weekly, monthly, quarterly, yearly} (also {@code annual}), a unit with a
     * positive multiple ({@code 2W}, {@code 15MIN}, {@code 30S}, {@code 6M}), or a bare positive
     * integer step. A bare integer means integer periods for {@link TimeEncoding#INTEGER} and days
     * for {@link TimeEncoding#EPOCH_DAY}; for {@link TimeEncoding#EPOCH_MILLIS} it is rejected as
     * ambiguous (write {@code 3D} or {@code 2H}).
     *
     * @throws IllegalArgumentException naming the bad value and listing what is accepted, also
     *                                  when the unit does not fit the time column (hours on a DATE,
     *                                  months on integer periods)
     */
    public static Frequency parse(String text, TimeEncoding enc) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        String digits = t.substring(0, i);
        String word = t.substring(i).trim();
        long step = 1;
        if (!digits.isEmpty()) {
            try {
                step = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw bad(text, "the step is too large");
            }
            if (step < 1) {
                throw bad(text, "the step must be positive");
            }
        }
        if (t.isEmpty()) {
            throw bad(text, null);
        }
        Unit unit = word.isEmpty() ? null : unitOf(word);
        if (!word.isEmpty() && unit == null) {
            throw bad(text, null);
        }
        if (unit == null) {
            unit = switch (enc) {
                case INTEGER -> Unit.STEP;
                case EPOCH_DAY -> Unit.DAY;
                case EPOCH_MILLIS -> throw bad(text, "a bare number is ambiguous for a TIMESTAMP column; give a unit such as "
                        + step + "H or " + step + "D");
            };
        }
        Frequency f = new Frequency(unit, step);
        String misfit = f.misfit(enc);
        if (misfit != null) {
            throw bad(text, misfit);
        }
        return f;
    }

    private static Unit unitOf(String word) {
        return switch (word) {
            case "S", "SEC", "SECOND", "SECONDS", "SECONDLY" -> Unit.SECOND;
            case "MIN", "T", "MINUTE", "MINUTES", "MINUTELY" -> Unit.MINUTE;
            case "H", "HOUR", "HOURS", "HOURLY" -> Unit.HOUR;
            case "D", "DAY", "DAYS", "DAILY" -> Unit.DAY;
            case "W", "WEEK", "WEEKS", "WEEKLY" -> Unit.WEEK;
            case "M", "MONTH", "MONTHS", "MONTHLY" -> Unit.MONTH;
            case "Q", "QUARTER", "QUARTERS", "QUARTERLY" -> Unit.QUARTER;
            case "Y", "A", "YEAR", "YEARS", "YEARLY", "ANNUAL", "ANNUALLY" -> Unit.YEAR;
            default -> null;
        };
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad freq '" + text + "'" + (why == null ? "" : " (" + why + ")")
                + "; accepted: " + ACCEPTED);
    }

    /** Why this frequency cannot describe times in {@code enc}, or null when it can. */
    String misfit(TimeEncoding enc) {
        return switch (enc) {
            case INTEGER -> unit == Unit.STEP ? null
                    : "the time column holds integer periods; give a positive integer step";
            case EPOCH_DAY -> unit == Unit.STEP ? "a DATE column needs a calendar unit"
                    : unit.compareTo(Unit.DAY) < 0 ? "a DATE column cannot be sampled more often than daily" : null;
            case EPOCH_MILLIS -> unit == Unit.STEP ? "a TIMESTAMP column needs a calendar unit" : null;
        };
    }

    /** Throws {@link IllegalArgumentException} when this frequency cannot describe times in {@code enc}. */
    public void checkFits(TimeEncoding enc) {
        String misfit = misfit(enc);
        if (misfit != null) {
            throw new IllegalArgumentException("frequency " + label() + " does not fit " + enc + ": " + misfit);
        }
    }

    /**
     * The short name: {@code "D"}, {@code "M"}, {@code "2W"}, {@code "15MIN"}; the bare step for
     * integer periods ({@code "1"}, {@code "3"}). {@link #parse} reads it back.
     */
    public String label() {
        if (unit == Unit.STEP) {
            return Long.toString(step);
        }
        return step == 1 ? unit.letter() : step + unit.letter();
    }

    /**
     * Season lengths (in periods) worth testing for this frequency: H → {24, 168} (day, week),
     * D → {7, 365}, W → {52}, M → {12}, Q → {4}, MIN → {60, 1440}, S → {60, 3600}; Y and integer
     * steps → none (the user names seasons for those). A multiple divides the base candidates and
     * keeps those that come out whole and above 1 (2H → {12, 84}; 3M → {4}; 5D → {73}; 2D → {}).
     */
    public int[] seasonCandidates() {
        long[] base = switch (unit) {
            case SECOND -> new long[] {60, 3600};
            case MINUTE -> new long[] {60, 1440};
            case HOUR -> new long[] {24, 168};
            case DAY -> new long[] {7, 365};
            case WEEK -> new long[] {52};
            case MONTH -> new long[] {12};
            case QUARTER -> new long[] {4};
            case YEAR, STEP -> new long[0];
        };
        int count = 0;
        int[] out = new int[base.length];
        for (long b : base) {
            if (b % step == 0 && b / step > 1) {
                out[count++] = (int) (b / step);
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    @Override
    public String toString() {
        return label();
    }
}
