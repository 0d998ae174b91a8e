package org.forecastsql.engine.regression;

/**
 * Horizon steps {@code 1..H} grouped into at most four buckets, one ridge fit each, so the weight
 * of recent lags against seasonal lags can differ between short and long steps: step 1 alone,
 * then steps {@code 2..H} in equal parts.
 */
final class StepBuckets {
    private StepBuckets() {
    }

    /** {@code [lo_0, lo_1, ..., lo_B]}: bucket {@code b} holds steps {@code lo_b .. lo_{b+1}-1}. */
    static int[] edges(int horizon) {
        int buckets = Math.min(4, horizon);
        int[] lo = new int[buckets + 1];
        lo[0] = 1;
        if (buckets > 1) {
            int rest = horizon - 1;
            for (int b = 1; b < buckets; b++) {
                lo[b] = 2 + (int) ((long) rest * (b - 1) / (buckets - 1));
            }
        }
        lo[buckets] = horizon + 1;
        return lo;
    }

    static int bucketOf(int[] edges, int step) {
        for (int b = edges.length - 2; b >= 0; b--) {
            if (step >= edges[b]) {
                return b;
            }
        }
        throw new IllegalArgumentException("step " + step);
    }
}
