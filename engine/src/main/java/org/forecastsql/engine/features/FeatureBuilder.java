package org.forecastsql.engine.features;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds the feature row of one (series, origin, step) triple for direct multi-horizon
 * forecasting: the target is period {@code t = o + k} ({@code 1 <= k <= H}); every feature derived
 * from the target uses only {@code y[0..o]}, so the same row serves training (origins inside the
 * history) and forecasting (origin = last observation) and no row can see its own future.
 *
 * <p>Scaling: {@code s_o} = mean of {@code y} over the longest window ending at {@code o} (at least
 * a tenth of its mean over {@link #historyNeeded()} periods; 1 when that is all zero); values enter
 * as {@code L(x) = log1p(max(x, 0) / s_o)} (or {@code x / s_o} without the log), so series selling
 * 2 a day and 2,000 a day share one model, and {@code log(s_o)} is the level feature.
 *
 * <p>Columns, in order ({@link #names()}): {@code step} ({@code k / H}), {@code level},
 * {@code last} ({@code L(y_o)}); per window {@code w}: {@code mean_w}, {@code sd_w} ({@code sd/s_o}),
 * {@code min_w}, {@code max_w}; with a season {@code m > 1}: {@code season_lag} ({@code L(y_j)},
 * {@code j = t - m ceil(k/m)}, the latest same-season period at or before the origin) and
 * {@code season_mean4} and {@code season_mean12} ({@code L} of the mean of {@code y} at
 * {@code j, j-m, ..., j-3m}, resp. {@code j-11m}: the series' own seasonal profile); calendar parts of {@code t}:
 * {@code dow_2..dow_7} (ISO, Monday the reference), {@code month_2..month_12}, {@code day_of_month},
 * {@code week_of_year}, {@code quarter}, {@code month_start}, {@code month_end}, {@code weekend},
 * and {@code hour_1..hour_23} for {@link TimeKind#EPOCH_MILLIS}; the holiday columns of the
 * calendar at {@code t}; per covariate {@code c}: {@code cov_c} ({@code sign(v) log1p|v|} at
 * {@code t}) and, if relative, {@code rel_c} ({@code log(v_t / mean(v over the longest window up
 * to o))}). Thread-safe; one instance per model.
 */
public final class FeatureBuilder {
    /** Seasonal cycles averaged by the long same-period mean (a per-series seasonal profile). */
    static final int SEASON_CYCLES = 12;

    private final FeatureSpec spec;
    private final List<String> names;
    private final int longest;
    private final int minOrigin;
    private final int calendarOffset;
    private final int holidayOffset;
    private final int covariateOffset;

    public FeatureBuilder(FeatureSpec spec) {
        this.spec = spec;
        this.longest = spec.longestWindow();
        this.minOrigin = Math.max(longest, spec.season() > 1 ? SEASON_CYCLES * spec.season() : 0) - 1;
        List<String> n = new ArrayList<>(List.of("step", "level", "last"));
        for (int w : spec.windows()) {
            n.addAll(List.of("mean_" + w, "sd_" + w, "min_" + w, "max_" + w));
        }
        if (spec.season() > 1) {
            n.addAll(List.of("season_lag", "season_mean4", "season_mean" + SEASON_CYCLES));
        }
        calendarOffset = n.size();
        for (int d = 2; d <= 7; d++) {
            n.add("dow_" + d);
        }
        for (int m = 2; m <= 12; m++) {
            n.add("month_" + m);
        }
        n.addAll(List.of("day_of_month", "week_of_year", "quarter", "month_start", "month_end", "weekend"));
        if (spec.timeKind() == TimeKind.EPOCH_MILLIS) {
            for (int h = 1; h <= 23; h++) {
                n.add("hour_" + h);
            }
        }
        holidayOffset = n.size();
        n.addAll(spec.calendar().columns());
        covariateOffset = n.size();
        for (String c : spec.covariates()) {
            if (spec.pastCovariates().contains(c)) {
                n.add("past_" + c);
                n.add("past_" + c + "_mean");
                continue;
            }
            n.add("cov_" + c);
            if (spec.relativeCovariates().contains(c)) {
                n.add("rel_" + c);
            }
        }
        this.names = Collections.unmodifiableList(n);
    }

    public FeatureSpec spec() {
        return spec;
    }

    /** Column names, in row order. */
    public List<String> names() {
        return names;
    }

    /** Writes the feature names, so a reader can check it computes the same features ({@link #checkNames}). */
    public void writeNames(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(names.size());
        for (String name : names) {
            out.writeUTF(name);
        }
    }

    /**
     * Reads names written by {@link #writeNames} and checks they are this builder's.
     *
     * @throws java.io.IOException naming {@code what} when a stored model's features differ from what this driver computes
     */
    public void checkNames(java.io.DataInput in, String what) throws java.io.IOException {
        int p = in.readInt();
        if (p < 0 || p > 100_000) {
            throw new java.io.IOException("corrupt " + what + " state: " + p + " feature names");
        }
        List<String> stored = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            stored.add(in.readUTF());
        }
        if (!stored.equals(names)) {
            throw new java.io.IOException(what + " state lists features " + stored
                    + " that this driver does not compute the same way");
        }
    }

    public int width() {
        return names.size();
    }

    /** The first origin with full windows: training rows start there; forecasting needs {@code n > minOrigin()}. */
    public int minOrigin() {
        return minOrigin;
    }

    /**
     * Periods of history that determine every feature at an origin: a series' last
     * {@code historyNeeded()} values (and relative covariates) are all a forecast needs.
     */
    public int historyNeeded() {
        return Math.max(minOrigin + 1, 4 * longest);
    }

    /** Computes the origin statistics of a series (O(n · windows)). */
    public PreparedSeries prepare(SeriesFrame frame) {
        double[] y = frame.values();
        int n = y.length;
        int[] ws = spec.windows();
        double[][] mean = new double[ws.length][];
        double[][] sd = new double[ws.length][];
        double[][] min = new double[ws.length][];
        double[][] max = new double[ws.length][];
        for (int i = 0; i < ws.length; i++) {
            mean[i] = RollingStatistics.rollingMean(y, ws[i]);
            sd[i] = RollingStatistics.rollingSd(y, ws[i], mean[i]);
            min[i] = RollingStatistics.rollingExtreme(y, ws[i], false);
            max[i] = RollingStatistics.rollingExtreme(y, ws[i], true);
        }
        double[] magnitude = new double[n];
        for (int t = 0; t < n; t++) {
            magnitude[t] = spec.logTarget() ? Math.max(y[t], 0) : Math.abs(y[t]);
        }
        double[] recent = RollingStatistics.rollingMean(magnitude, longest);
        double[] longRun = RollingStatistics.rollingMean(magnitude, historyNeeded());
        double[] scale = new double[n];
        for (int t = 0; t < n; t++) {
            double s = Math.max(recent[t], 0.1 * longRun[t]);
            scale[t] = s > 0 ? s : 1.0;
        }
        double[][] covMean = new double[spec.covariates().size()][];
        for (int c = 0; c < covMean.length; c++) {
            if (spec.keepsHistory(c)) {
                double[] v = java.util.Arrays.copyOf(frame.covariates()[c], n);
                covMean[c] = RollingStatistics.rollingMean(v, longest);
            }
        }
        return new PreparedSeries(frame, mean, sd, min, max, covMean, scale);
    }

    private double scaled(double x, double s) {
        return spec.logTarget() ? Math.log1p(Math.max(x, 0) / s) : x / s;
    }

    /**
     * Fills {@code out[0..width)} with the features of target period {@code origin + step}.
     *
     * @param origin last period whose target may be read, {@code minOrigin() <= origin < n}
     * @param step   {@code 1..H}; {@code origin + step} must be inside {@code frame.times()}
     */
    public void row(PreparedSeries p, int origin, int step, double[] out) {
        if (origin < minOrigin || origin >= p.frame.n()) {
            throw new IllegalArgumentException("origin " + origin + " outside " + minOrigin + ".." + (p.frame.n() - 1));
        }
        if (step < 1 || step > spec.horizon()) {
            throw new IllegalArgumentException("step " + step + " outside 1.." + spec.horizon());
        }
        double[] y = p.frame.values();
        int t = origin + step;
        if (t >= p.frame.times().length) {
            throw new IllegalArgumentException("series '" + p.frame.key() + "': period " + t
                    + " has no time stamp (" + p.frame.times().length + " given)");
        }
        double s = p.scale[origin];
        int j = 0;
        out[j++] = step / (double) spec.horizon();
        out[j++] = Math.log(s);
        out[j++] = scaled(y[origin], s);
        for (int i = 0; i < spec.windows().length; i++) {
            out[j++] = scaled(p.mean[i][origin], s);
            out[j++] = p.sd[i][origin] / s;
            out[j++] = scaled(p.min[i][origin], s);
            out[j++] = scaled(p.max[i][origin], s);
        }
        int m = spec.season();
        if (m > 1) {
            int last = t - m * ((step + m - 1) / m);
            out[j++] = scaled(y[last], s);
            double sum4 = 0;
            double sum = 0;
            int count = 0;
            for (int q = last; q >= 0 && count < SEASON_CYCLES; q -= m) {
                sum += y[q];
                sum4 += count < 4 ? y[q] : 0;
                count++;
            }
            out[j++] = scaled(sum4 / Math.min(count, 4), s);
            out[j++] = scaled(sum / count, s);
        }
        long time = p.frame.times()[t];
        calendar(time, out, calendarOffset);
        spec.calendar().fill(spec.timeKind().epochDay(time), p.frame.key(), out, holidayOffset);
        j = covariateOffset;
        for (int c = 0; c < spec.covariates().size(); c++) {
            if (spec.isPast(c)) {
                // known only up to the origin: its last value and recent mean there
                out[j++] = signedLog1p(p.frame.covariates()[c][origin]);
                out[j++] = signedLog1p(p.covariateMean[c][origin]);
                continue;
            }
            double v = p.frame.covariates()[c][t];
            out[j++] = Math.signum(v) * Math.log1p(Math.abs(v));
            if (p.covariateMean[c] != null) {
                double ref = p.covariateMean[c][origin];
                out[j++] = v > 0 && ref > 0 ? Math.log(v / ref) : 0.0;
            }
        }
    }

    private static double signedLog1p(double v) {
        return Double.isFinite(v) ? Math.signum(v) * Math.log1p(Math.abs(v)) : 0.0;
    }

    /** ISO 8601 week of the year: {@code floor((ordinal - dow + 10) / 7)}, wrapped into the neighbouring years. */
    static int isoWeek(LocalDate date, int dow) {
        int week = (date.getDayOfYear() - dow + 10) / 7;
        if (week < 1) {
            return weeksInYear(date.getYear() - 1);
        }
        if (week > weeksInYear(date.getYear())) {
            return 1;
        }
        return week;
    }

    private static int weeksInYear(int year) {
        int jan1 = LocalDate.of(year, 1, 1).getDayOfWeek().getValue();
        boolean leap = java.time.Year.isLeap(year);
        return jan1 == 4 || (leap && jan1 == 3) ? 53 : 52;
    }

    private void calendar(long time, double[] out, int at) {
        long day = spec.timeKind().epochDay(time);
        LocalDate date = LocalDate.ofEpochDay(day);
        int dow = (int) Math.floorMod(day + 3, 7L) + 1; // 1970-01-01 was a Thursday (ISO 4)
        for (int d = 2; d <= 7; d++) {
            out[at++] = dow == d ? 1 : 0;
        }
        int month = date.getMonthValue();
        for (int mo = 2; mo <= 12; mo++) {
            out[at++] = month == mo ? 1 : 0;
        }
        int dom = date.getDayOfMonth();
        out[at++] = (dom - 1) / 30.0;
        out[at++] = (isoWeek(date, dow) - 1) / 52.0;
        out[at++] = ((month - 1) / 3) / 3.0;
        out[at++] = dom == 1 ? 1 : 0;
        out[at++] = dom == date.lengthOfMonth() ? 1 : 0;
        out[at++] = dow >= 6 ? 1 : 0;
        if (spec.timeKind() == TimeKind.EPOCH_MILLIS) {
            int hour = (int) (Math.floorMod(time, TimeKind.MILLIS_PER_DAY) / 3_600_000L);
            for (int h = 1; h <= 23; h++) {
                out[at++] = hour == h ? 1 : 0;
            }
        }
    }
}
