package org.forecastsql.engine.features;

/**
 * Trailing-window statistics: the value at index {@code o} summarises {@code x[max(0, o-w+1) .. o]}
 * only, so a feature read at a forecast origin never sees a later period. Same definitions as
 * pandas {@code Series.rolling(w, min_periods=1)}: mean, sample standard deviation
 * {@code sqrt(sum (x - mean)^2 / (m - 1))} (0 for a single value), min and max.
 */
final class RollingStatistics {
    private RollingStatistics() {
    }

    /** {@code out[o] = mean(x[o-w+1..o])}, via prefix sums. */
    static double[] rollingMean(double[] x, int w) {
        double[] out = new double[x.length];
        double sum = 0;
        for (int o = 0; o < x.length; o++) {
            sum += x[o];
            if (o >= w) {
                sum -= x[o - w];
            }
            out[o] = sum / Math.min(o + 1, w);
        }
        return out;
    }

    /** Sample standard deviation over the trailing window (two-pass per window for stability). */
    static double[] rollingSd(double[] x, int w, double[] mean) {
        double[] out = new double[x.length];
        for (int o = 0; o < x.length; o++) {
            int from = Math.max(0, o - w + 1);
            int m = o - from + 1;
            if (m < 2) {
                continue;
            }
            double ss = 0;
            for (int i = from; i <= o; i++) {
                double d = x[i] - mean[o];
                ss += d * d;
            }
            out[o] = Math.sqrt(ss / (m - 1));
        }
        return out;
    }

    /** Trailing-window minimum ({@code max = false}) or maximum ({@code max = true}), monotone deque, O(n). */
    static double[] rollingExtreme(double[] x, int w, boolean max) {
        double[] out = new double[x.length];
        int[] deque = new int[x.length];
        int head = 0;
        int tail = 0;
        for (int o = 0; o < x.length; o++) {
            while (tail > head && (max ? x[deque[tail - 1]] <= x[o] : x[deque[tail - 1]] >= x[o])) {
                tail--;
            }
            deque[tail++] = o;
            if (deque[head] <= o - w) {
                head++;
            }
            out[o] = x[deque[head]];
        }
        return out;
    }
}
