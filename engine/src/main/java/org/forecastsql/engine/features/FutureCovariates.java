package org.forecastsql.engine.features;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The check every global model runs before forecasting: each covariate of the spec must be known
 * (finite) at every forecast period of a frame, since features read covariates at the target
 * period. Names the covariates and the periods that are missing.
 */
public final class FutureCovariates {
    private FutureCovariates() {
    }

    /**
     * Throws when a covariate has no finite value at one of the {@code h} periods after
     * {@code frame}'s last observation.
     *
     * @throws IllegalArgumentException naming the series, each covariate with missing values and its
     *                                  periods (the first six, then a count)
     */
    public static void check(FeatureSpec spec, SeriesFrame frame, int h) {
        StringBuilder missing = new StringBuilder();
        int n = frame.n();
        for (int c = 0; c < spec.covariates().size(); c++) {
            if (spec.isPast(c)) {
                continue; // read at the origin only
            }
            List<String> periods = new ArrayList<>();
            for (int k = 0; k < h; k++) {
                double[] v = c < frame.covariates().length ? frame.covariates()[c] : null;
                if (v == null || n + k >= v.length || !Double.isFinite(v[n + k])) {
                    periods.add(format(spec, frame.times()[n + k]));
                }
            }
            if (!periods.isEmpty()) {
                missing.append(missing.length() == 0 ? "" : "; ").append(spec.covariates().get(c)).append(" at ")
                        .append(periods.size() > 6 ? String.join(", ", periods.subList(0, 6)) + " and "
                                + (periods.size() - 6) + " more" : String.join(", ", periods));
            }
        }
        if (missing.length() > 0) {
            throw new IllegalArgumentException("series '" + frame.key() + "': missing future values of covariates: "
                    + missing + " (FORECAST(future => ...) must give every covariate for every forecast period)");
        }
    }

    private static String format(FeatureSpec spec, long time) {
        return spec.timeKind() == TimeKind.EPOCH_DAY ? LocalDate.ofEpochDay(time).toString()
                : Instant.ofEpochMilli(time).toString();
    }
}
