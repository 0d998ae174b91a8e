package org.forecastsql.engine.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.forecastsql.engine.calendar.HolidayCalendar;

/**
 * What the {@link FeatureBuilder} computes.
 *
 * @param horizon            longest forecast step {@code H}; rows are built for steps 1..H
 * @param season             season length in periods (7 for daily data), 1 for none: drives the
 *                           same-period-last-season lags
 * @param windows            rolling-window lengths in periods (e.g. 7, 28); the longest also sets
 *                           the series scale and the reference of relative covariates
 * @param calendar           holiday effects, {@link HolidayCalendar#none()} for none
 * @param covariates         covariate names, in {@link SeriesFrame#covariates()} order; they are
 *                           read at the target period, so they must be known for the future
 * @param relativeCovariates covariates (e.g. price) that also get {@code log(v_t / mean of v over
 *                           the longest window up to the origin)}
 * @param pastCovariates     covariates known only up to the forecast origin (e.g. page views): read at
 *                           the origin ({@code past_<c>}) and as their mean over the longest window
 *                           up to it ({@code past_<c>_mean}), never at the target period, so their
 *                           future values are never needed
 * @param logTarget          values enter as {@code log1p(max(y, 0) / scale)} (non-negative counts);
 *                           false: as {@code y / scale}
 * @param timeKind           encoding of the time stamps
 */
public record FeatureSpec(int horizon, int season, int[] windows, HolidayCalendar calendar,
                          List<String> covariates, Set<String> relativeCovariates, Set<String> pastCovariates,
                          boolean logTarget, TimeKind timeKind) {
    public FeatureSpec {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1; got " + horizon);
        }
        if (season < 1) {
            throw new IllegalArgumentException("season must be >= 1; got " + season);
        }
        windows = windows == null || windows.length == 0 ? new int[] {7, 28} : windows.clone();
        for (int w : windows) {
            if (w < 2) {
                throw new IllegalArgumentException("rolling windows must be >= 2 periods; got " + w);
            }
        }
        calendar = calendar == null ? HolidayCalendar.none() : calendar;
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        relativeCovariates = relativeCovariates == null ? Set.of() : Set.copyOf(relativeCovariates);
        for (String r : relativeCovariates) {
            if (!covariates.contains(r)) {
                throw new IllegalArgumentException("relative covariate '" + r + "' is not a covariate; covariates: "
                        + String.join(", ", covariates));
            }
        }
        pastCovariates = pastCovariates == null ? Set.of() : Set.copyOf(pastCovariates);
        for (String p : pastCovariates) {
            if (!covariates.contains(p) || relativeCovariates.contains(p)) {
                throw new IllegalArgumentException("past covariate '" + p + "' must be a covariate and not relative; "
                        + "covariates: " + String.join(", ", covariates));
            }
        }
        timeKind = timeKind == null ? TimeKind.EPOCH_DAY : timeKind;
    }

    /** A spec without past-only covariates. */
    public FeatureSpec(int horizon, int season, int[] windows, HolidayCalendar calendar, List<String> covariates,
                       Set<String> relativeCovariates, boolean logTarget, TimeKind timeKind) {
        this(horizon, season, windows, calendar, covariates, relativeCovariates, Set.of(), logTarget, timeKind);
    }

    /** Whether covariate {@code c} (an index into {@link #covariates()}) is known only up to the origin. */
    public boolean isPast(int c) {
        return pastCovariates.contains(covariates.get(c));
    }

    /**
     * Whether a model must keep covariate {@code c}'s history (relative and past covariates are read
     * before the target period).
     */
    public boolean keepsHistory(int c) {
        String name = covariates.get(c);
        return relativeCovariates.contains(name) || pastCovariates.contains(name);
    }

    /** How covariate {@code c} is stored in model state: 0 plain, 1 relative, 2 past-only. */
    public int kindOf(int c) {
        String name = covariates.get(c);
        return relativeCovariates.contains(name) ? 1 : pastCovariates.contains(name) ? 2 : 0;
    }

    /** Daily data: weekly season, windows 7 and 28, log target, the given calendar and covariates. */
    public static FeatureSpec daily(int horizon, HolidayCalendar calendar, List<String> covariates,
                                    Set<String> relativeCovariates) {
        return new FeatureSpec(horizon, 7, new int[] {7, 28}, calendar, covariates, relativeCovariates,
                true, TimeKind.EPOCH_DAY);
    }

    int longestWindow() {
        int m = 0;
        for (int w : windows) {
            m = Math.max(m, w);
        }
        return m;
    }

    /**
     * Writes the spec as model states store it: horizon, season, windows, calendar, each covariate
     * with its kind ({@link #kindOf}: a boolean "relative" before past covariates existed), log
     * target, time kind.
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(horizon);
        out.writeInt(season);
        out.writeInt(windows.length);
        for (int w : windows) {
            out.writeInt(w);
        }
        calendar.write(out);
        out.writeInt(covariates.size());
        for (int c = 0; c < covariates.size(); c++) {
            out.writeUTF(covariates.get(c));
            out.writeByte(kindOf(c));
        }
        out.writeBoolean(logTarget);
        out.writeUTF(timeKind.name());
    }

    /** Reads {@link #write} output. */
    public static FeatureSpec read(DataInput in) throws IOException {
        int horizon = in.readInt();
        int season = in.readInt();
        int nw = in.readInt();
        if (nw < 0 || nw > 64) {
            throw new IOException("corrupt feature spec: " + nw + " windows");
        }
        int[] windows = new int[nw];
        for (int i = 0; i < nw; i++) {
            windows[i] = in.readInt();
        }
        HolidayCalendar calendar = HolidayCalendar.read(in);
        int nc = in.readInt();
        List<String> covariates = new ArrayList<>();
        Set<String> relative = new HashSet<>();
        Set<String> past = new HashSet<>();
        for (int c = 0; c < nc; c++) {
            String name = in.readUTF();
            covariates.add(name);
            int kind = in.readByte();
            if (kind == 1) {
                relative.add(name);
            } else if (kind == 2) {
                past.add(name);
            } else if (kind != 0) {
                throw new IOException("corrupt feature spec: covariate '" + name + "' of kind " + kind);
            }
        }
        boolean logTarget = in.readBoolean();
        TimeKind timeKind = TimeKind.valueOf(in.readUTF());
        return new FeatureSpec(horizon, season, windows, calendar, covariates, relative, past, logTarget, timeKind);
    }

    /**
     * Checks one series' training frame against this spec, for every global family: as many
     * time stamps as values, the spec's covariate columns, finite values (non-negative under the
     * log1p target) and finite covariates.
     *
     * @throws IllegalArgumentException naming the series and what is wrong
     */
    public void checkTraining(SeriesFrame f) {
        if (f.times().length != f.values().length) {
            throw new IllegalArgumentException("series '" + f.key() + "': training needs as many time stamps ("
                    + f.times().length + ") as values (" + f.values().length + ")");
        }
        if (f.covariates().length != covariates().size()) {
            throw new IllegalArgumentException("series '" + f.key() + "': " + f.covariates().length
                    + " covariate columns given, expected " + covariates().size() + " (" + String.join(", ", covariates()) + ")");
        }
        double[] y = f.values();
        for (int t = 0; t < y.length; t++) {
            if (!Double.isFinite(y[t]) || (logTarget() && y[t] < 0)) {
                throw new IllegalArgumentException("series '" + f.key() + "': value " + y[t] + " at period " + t
                        + (logTarget() ? "; the log1p target needs finite non-negative values" : " is not finite"));
            }
        }
        for (int c = 0; c < f.covariates().length; c++) {
            for (double v : f.covariates()[c]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("series '" + f.key() + "': covariate '" + covariates().get(c)
                            + "' has a missing or non-finite value in the training history");
                }
            }
        }
    }
}
