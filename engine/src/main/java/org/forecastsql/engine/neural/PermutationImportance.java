package org.forecastsql.engine.neural;

import java.util.Random;

/**
 * Permutation feature importance of a trained network (Breiman 2001; Fisher, Rudin and Dominici
 * 2019): on held-out rows, the mean pinball loss over the quantile grid rises by
 * {@code I_j = L(x with column j shuffled) - L(x)} when feature {@code j} carries information the
 * network uses; about 0 (or below) when it does not. Forward passes in plain Java
 * ({@link MlpKernel}); deterministic for a seed.
 */
final class PermutationImportance {
    /** At most this many held-out rows are scored (evenly spaced): ~1,000 keeps it to seconds. */
    static final int MAX_ROWS = 1024;

    private PermutationImportance() {
    }

    /**
     * @param x    held-out inputs, row-major, {@code rows * sizes[0]}
     * @param z    their transformed targets
     * @return {@code I_j} per input column; empty when there are no rows
     */
    static double[] compute(GlobalNeuralModel m, float[] x, float[] z, long seed) {
        int p = m.sizes[0];
        int all = z.length;
        if (all == 0) {
            return new double[0];
        }
        int rows = Math.min(all, MAX_ROWS);
        double[][] data = new double[rows][p];
        double[] target = new double[rows];
        for (int r = 0; r < rows; r++) {
            int src = (int) ((long) r * all / rows);
            for (int j = 0; j < p; j++) {
                data[r][j] = x[src * p + j];
            }
            target[r] = z[src];
        }
        double[][] work = MlpKernel.work(m.sizes);
        double[] out = new double[NeuralInputs.QUANTILES.length];
        double[] row = new double[p];
        double base = loss(m, data, target, -1, null, row, work, out);
        double[] importance = new double[p];
        Random rnd = new Random(seed);
        int[] perm = new int[rows];
        for (int j = 0; j < p; j++) {
            for (int r = 0; r < rows; r++) {
                perm[r] = r;
            }
            for (int r = rows - 1; r > 0; r--) {
                int k = rnd.nextInt(r + 1);
                int t = perm[r];
                perm[r] = perm[k];
                perm[k] = t;
            }
            importance[j] = loss(m, data, target, j, perm, row, work, out) - base;
        }
        return importance;
    }

    /** Mean pinball loss over rows and quantiles, column {@code j} taken from row {@code perm[r]} (j < 0: none). */
    private static double loss(GlobalNeuralModel m, double[][] data, double[] target, int j, int[] perm, double[] row,
                               double[][] work, double[] out) {
        double total = 0;
        double[] q = NeuralInputs.QUANTILES;
        for (int r = 0; r < data.length; r++) {
            System.arraycopy(data[r], 0, row, 0, row.length);
            if (j >= 0) {
                row[j] = data[perm[r]][j];
            }
            MlpKernel.forward(m.sizes, m.weights, m.biases, m.skip, m.mu, m.sd, row, work, out);
            for (int k = 0; k < q.length; k++) {
                double e = target[r] - out[k];
                total += e >= 0 ? q[k] * e : (q[k] - 1) * e;
            }
        }
        return total / (data.length * q.length);
    }
}
