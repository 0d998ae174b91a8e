package org.forecastsql.engine.features;

/**
 * A series with its origin statistics computed once: for every possible origin {@code o} the
 * rolling statistics of the target (and the rolling means of relative covariates) over windows
 * ending at {@code o}, and the series scale at {@code o}. Built by {@link FeatureBuilder#prepare}.
 */
public final class PreparedSeries {
    final SeriesFrame frame;
    final double[][] mean;
    final double[][] sd;
    final double[][] min;
    final double[][] max;
    final double[][] covariateMean;
    final double[] scale;

    PreparedSeries(SeriesFrame frame, double[][] mean, double[][] sd, double[][] min, double[][] max,
                   double[][] covariateMean, double[] scale) {
        this.frame = frame;
        this.mean = mean;
        this.sd = sd;
        this.min = min;
        this.max = max;
        this.covariateMean = covariateMean;
        this.scale = scale;
    }

    public SeriesFrame frame() {
        return frame;
    }

    /** The series scale as of origin {@code o}: its recent mean level (see {@link FeatureBuilder}). */
    public double scale(int origin) {
        return scale[origin];
    }
}
