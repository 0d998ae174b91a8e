package org.forecastsql.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.forecastsql.engine.arima.ArimaFamily;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.regression.RegressionFamily;
import org.forecastsql.engine.series.Fill;
import org.forecastsql.engine.series.Frequency;
import org.forecastsql.engine.series.TimeEncoding;
import org.forecastsql.engine.train.SeasonSpec;
import org.forecastsql.engine.train.TrainSpec;

/**
 * TRAIN_MODEL's options (DESIGN §2): {@code key=value} pairs separated by {@code ;}. Unknown
 * keys and bad values are {@link ErrorCode#BAD_OPTION} errors that list what is accepted.
 *
 * @param series     key columns (empty: one series)
 * @param time       time column, or null for "the only temporal column"
 * @param target     target column, or null for "the only numeric non-key column"
 * @param covariates covariate columns, or null for "all other numeric columns"
 * @param freq       the {@code freq} text ({@code auto} or a frequency), resolved once the time type is known
 * @param learner    the regression's learner ({@code ridge}, {@code gbt}), or null for its default
 * @param epochs     the neural network's most training epochs, or 0 for its default
 * @param arimaSearch {@code arima}'s order search for long series ({@code fast}, {@code exact}), or null for its default
 * @param pastCovariates numeric columns known only up to the forecast origin (empty: none)
 */
public record TrainOptions(List<String> series, String time, String target, List<String> covariates, String freq,
                           SeasonSpec season, Fill fill, List<String> methods, int horizon, double[] levels,
                           int folds, double lowerBound, long seed, String holidays, int[] holidayWindow,
                           String learner, int epochs, String arimaSearch, List<String> pastCovariates) {

    static final List<String> KEYS = List.of("series", "time", "target", "freq", "horizon", "season", "methods",
            "levels", "lower_bound", "fill", "covariates", "holidays", "holiday_window", "learner", "epochs", "arima_search", "past_covariates", "folds", "seed");
    static final int MAX_HORIZON = 10_000;

    /** Parses the options text; null or blank gives every default. */
    public static TrainOptions parse(String text) {
        Map<String, String> kv = split(text);
        List<String> series = list(kv.get("series"));
        String time = blankToNull(kv.get("time"));
        String target = blankToNull(kv.get("target"));
        List<String> covariates = kv.containsKey("covariates") ? noneOr(kv.get("covariates")) : null;
        String freq = kv.getOrDefault("freq", "auto").trim();
        SeasonSpec season = parse("season", kv.getOrDefault("season", "auto"), SeasonSpec::parse);
        Fill fill = parse("fill", kv.getOrDefault("fill", "zero"), Fill::parse);
        List<String> methods = methods(kv.getOrDefault("methods", "auto"));
        int horizon = kv.containsKey("horizon") ? horizon(kv.get("horizon")) : 0;
        double[] levels = levels(kv.getOrDefault("levels", "80,95"));
        int folds = intIn("folds", kv.getOrDefault("folds", "3"), 1, 20);
        double lowerBound = lowerBound(kv.getOrDefault("lower_bound", "auto"));
        long seed = longValue("seed", kv.getOrDefault("seed", "42"));
        String holidays = blankToNull(kv.get("holidays"));
        if (holidays != null) {
            for (String item : holidays.split(",")) {
                if (!item.trim().matches("[A-Za-z_][A-Za-z0-9_$.]*")) {
                    throw bad("holidays", holidays, "a comma-separated list of built-in calendars (CN, US) and holiday "
                            + "table names (columns: a DATE, a name, optionally the series key)");
                }
            }
        }
        int[] window = holidayWindow(kv.getOrDefault("holiday_window", "0,0"));
        String learner = blankToNull(kv.get("learner"));
        if (learner != null) {
            learner = learner.toLowerCase(Locale.ROOT);
            if (!RegressionFamily.LEARNERS.contains(learner)) {
                throw bad("learner", kv.get("learner"), String.join(" or ", RegressionFamily.LEARNERS)
                        + " (the learner of methods=regression; default " + RegressionFamily.LEARNERS.get(0) + ")");
            }
        }
        int epochs = kv.containsKey("epochs") ? intIn("epochs", kv.get("epochs"), 1, 1000) : 0;
        String arimaSearch = blankToNull(kv.get(ArimaFamily.SEARCH_OPTION));
        if (arimaSearch != null) {
            arimaSearch = arimaSearch.toLowerCase(Locale.ROOT);
            if (!ArimaFamily.SEARCHES.contains(arimaSearch)) {
                throw bad(ArimaFamily.SEARCH_OPTION, kv.get(ArimaFamily.SEARCH_OPTION), "fast (the default: Hannan-Rissanen starts and "
                        + "two CSS steps per candidate for series longer than 150 or seasons above 12) or exact (R's auto.arima "
                        + "search step by step, about 10x the CPU)");
            }
        }
        return new TrainOptions(series, time, target, covariates, freq, season, fill, methods, horizon, levels, folds,
                lowerBound, seed, holidays, window, learner, epochs, arimaSearch,
                kv.containsKey("past_covariates") ? noneOr(kv.get("past_covariates")) : List.of());
    }

    private static int[] holidayWindow(String v) {
        String[] parts = v.split(",");
        try {
            if (parts.length == 2) {
                int before = Integer.parseInt(parts[0].trim());
                int after = Integer.parseInt(parts[1].trim());
                if (before >= 0 && after >= 0 && before <= 60 && after <= 60) {
                    return new int[] {before, after};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad("holiday_window", v, "<days before>,<days after>, each 0..60 (e.g. 7,3)");
    }

    /** The engine's training spec, once the time column's encoding and the holiday calendar are known. */
    public TrainSpec toSpec(TimeEncoding encoding, HolidayCalendar calendar, List<String> pastCovariateColumns) {
        Frequency f = null;
        if (!freq.equalsIgnoreCase("auto")) {
            f = parse("freq", freq, v -> Frequency.parse(v, encoding));
        }
        java.util.Map<String, String> familyOptions = new java.util.HashMap<>();
        if (learner != null) {
            familyOptions.put(RegressionFamily.LEARNER_OPTION, learner);
        }
        if (epochs > 0) {
            familyOptions.put(org.forecastsql.engine.neural.NeuralFamily.EPOCHS_OPTION, Integer.toString(epochs));
        }
        if (arimaSearch != null) {
            familyOptions.put(ArimaFamily.SEARCH_OPTION, arimaSearch);
        }
        return new TrainSpec(f, season, fill, methods, horizon, levels, folds, lowerBound, seed, calendar, familyOptions,
                java.util.Set.copyOf(pastCovariateColumns));
    }

    private static Map<String, String> split(String text) {
        Map<String, String> kv = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return kv;
        }
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new FunctionException(ErrorCode.BAD_OPTION, "bad option '" + part.trim()
                        + "': expected key=value; options are separated by ';' (e.g. 'series=store_id,sku; time=day')");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new FunctionException(ErrorCode.BAD_OPTION, "unknown option '" + key + "'; valid options: "
                        + String.join(", ", KEYS));
            }
            if (kv.put(key, part.substring(eq + 1).trim()) != null) {
                throw new FunctionException(ErrorCode.BAD_OPTION, "option '" + key + "' is given twice");
            }
        }
        return kv;
    }

    private interface Parser<T> {
        T parse(String v);
    }

    private static <T> T parse(String key, String value, Parser<T> p) {
        try {
            return p.parse(value);
        } catch (IllegalArgumentException e) {
            throw new FunctionException(ErrorCode.BAD_OPTION, "option " + key + ": " + e.getMessage());
        }
    }

    private static List<String> methods(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        List<String> all = ModelFamilies.all().stream().map(f -> f.method()).toList();
        if (t.equals("auto")) {
            // the backtest-weighted ensemble of every local family (EnsembleFamily)
            return List.of("ensemble");
        }
        if (t.equals("best")) {
            // the per-series winner among every local family (and the regression on daily/hourly data)
            return List.of(TrainSpec.BEST);
        }
        List<String> out = new ArrayList<>();
        for (String m : t.split(",")) {
            String name = m.trim();
            if (!ModelFamilies.exists(name)) {
                throw bad("methods", v, "auto, best, or a list of: " + String.join(", ", all));
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static int horizon(String v) {
        int h;
        try {
            h = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw bad("horizon", v, "a whole number of periods between 1 and " + MAX_HORIZON);
        }
        checkHorizon(h);
        return h;
    }

    /** Rejects a horizon outside [1, MAX_HORIZON]. */
    static void checkHorizon(int h) {
        if (h < 1 || h > MAX_HORIZON) {
            throw new FunctionException(ErrorCode.HORIZON_OUT_OF_RANGE, "horizon " + h
                    + " is out of range; accepted: 1 to " + MAX_HORIZON + " periods");
        }
    }

    private static double[] levels(String v) {
        String[] parts = v.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                out[i] = -1;
            }
            if (!(out[i] > 0 && out[i] < 100)) {
                throw bad("levels", v, "interval levels in percent, each above 0 and below 100, separated by ',' (e.g. 80,95)");
            }
        }
        Arrays.sort(out);
        return Arrays.stream(out).distinct().toArray();
    }

    private static double lowerBound(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return TrainSpec.AUTO_LOWER_BOUND;
        }
        if (t.equals("none")) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad("lower_bound", v, "auto, none, or a number (e.g. 0)");
    }

    private static int intIn(String key, String v, int lo, int hi) {
        try {
            int i = Integer.parseInt(v.trim());
            if (i >= lo && i <= hi) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, v, "a whole number from " + lo + " to " + hi);
    }

    private static long longValue(String key, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "a whole number");
        }
    }

    private static FunctionException bad(String key, String value, String accepted) {
        return new FunctionException(ErrorCode.BAD_OPTION, "bad value '" + value + "' for option " + key + "; accepted: " + accepted);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static List<String> list(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static List<String> noneOr(String s) {
        return s.trim().equalsIgnoreCase("none") ? List.of() : list(s);
    }
}
