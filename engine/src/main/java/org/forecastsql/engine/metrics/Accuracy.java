package org.forecastsql.engine.metrics;

/**
 * Forecast accuracy over a set of (actual, forecast) points, as DESIGN §4 defines it (the M4
 * competition's definitions):
 * <ul>
 *   <li>sMAPE = mean of {@code 200·|y − ŷ| / (|y| + |ŷ|)} (a point with y = ŷ = 0 scores 0);</li>
 *   <li>MASE = mean of {@code |y − ŷ| / scale}, where scale is the in-sample MAE of the seasonal
 *       naive method of the point's series ({@link #maseScale});</li>
 *   <li>MAPE = mean of {@code 100·|y − ŷ| / |y|} over points with y ≠ 0;</li>
 *   <li>MAE, RMSE; WAPE = {@code Σ|y − ŷ| / Σ|y|}; BIAS = mean of {@code ŷ − y};</li>
 *   <li>COVERAGE_80/95 = share of actuals inside the 80%/95% interval.</li>
 * </ul>
 * Points whose actual or forecast is missing (NaN) are counted in {@link #missing()} and skipped.
 * The overall row of a batch adds the points of every series, so its sMAPE and MASE are the
 * means over all points (for equal horizons, the mean of the per-series values, as M4 scores).
 */
public final class Accuracy {
    private long n;
    private long missing;
    private double sumAbs;
    private double sumSq;
    private double sumApe;
    private long nApe;
    private double sumSape;
    private double sumScaled;
    private long nScaled;
    private double sumAbsActual;
    private double sumBias;
    private long nCov80;
    private long in80;
    private long nCov95;
    private long in95;

    /**
     * Adds one point.
     *
     * @param scale the series' MASE scale; NaN or 0 when undefined (the point is then left out of MASE)
     * @param lo80  80% interval bounds, NaN when absent; likewise lo95/hi95
     */
    public void add(double actual, double forecast, double scale, double lo80, double hi80, double lo95, double hi95) {
        if (Double.isNaN(actual) || Double.isNaN(forecast)) {
            missing++;
            return;
        }
        n++;
        double e = actual - forecast;
        double ae = Math.abs(e);
        sumAbs += ae;
        sumSq += e * e;
        sumBias += forecast - actual;
        sumAbsActual += Math.abs(actual);
        if (actual != 0) {
            sumApe += 100 * ae / Math.abs(actual);
            nApe++;
        }
        double denom = Math.abs(actual) + Math.abs(forecast);
        sumSape += denom == 0 ? 0 : 200 * ae / denom;
        if (scale > 0 && Double.isFinite(scale)) {
            sumScaled += ae / scale;
            nScaled++;
        }
        if (!Double.isNaN(lo80)) {
            nCov80++;
            if (actual >= lo80 && actual <= hi80) {
                in80++;
            }
        }
        if (!Double.isNaN(lo95)) {
            nCov95++;
            if (actual >= lo95 && actual <= hi95) {
                in95++;
            }
        }
    }

    /** Adds every point of another accumulator. */
    public void addAll(Accuracy o) {
        n += o.n;
        missing += o.missing;
        sumAbs += o.sumAbs;
        sumSq += o.sumSq;
        sumApe += o.sumApe;
        nApe += o.nApe;
        sumSape += o.sumSape;
        sumScaled += o.sumScaled;
        nScaled += o.nScaled;
        sumAbsActual += o.sumAbsActual;
        sumBias += o.sumBias;
        nCov80 += o.nCov80;
        in80 += o.in80;
        nCov95 += o.nCov95;
        in95 += o.in95;
    }

    public Metrics result() {
        double nan = Double.NaN;
        return new Metrics(n, missing,
                n == 0 ? nan : sumAbs / n,
                n == 0 ? nan : Math.sqrt(sumSq / n),
                nApe == 0 ? nan : sumApe / nApe,
                n == 0 ? nan : sumSape / n,
                nScaled == 0 ? nan : sumScaled / nScaled,
                sumAbsActual == 0 ? nan : sumAbs / sumAbsActual,
                n == 0 ? nan : sumBias / n,
                nCov80 == 0 ? nan : (double) in80 / nCov80,
                nCov95 == 0 ? nan : (double) in95 / nCov95);
    }

    public long missing() {
        return missing;
    }

    /**
     * The MASE scale of a series: the in-sample MAE of the seasonal naive forecast,
     * {@code mean_{t ≥ m} |y_t − y_{t−m}|}, with m = 1 when the series is not longer than its
     * season (as the M4 competition's code does). NaN when undefined.
     */
    public static double maseScale(double[] y, int season) {
        int m = season >= 1 && y.length > season ? season : 1;
        if (y.length <= m) {
            return Double.NaN;
        }
        double s = 0;
        for (int t = m; t < y.length; t++) {
            s += Math.abs(y[t] - y[t - m]);
        }
        return s / (y.length - m);
    }
}
