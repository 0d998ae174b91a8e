package org.forecastsql.engine.neural;

/**
 * Forward pass of the network in plain Java (forecasting never needs ND4J): standardise
 * {@code x_j <- (x_j - mu_j) / sd_j}, then {@code d} hidden layers {@code h <- relu(h W_l + b_l)},
 * then the output {@code q = h W_d + b_d + x S} (a linear skip from the standardised inputs, so the
 * network starts from a linear model and learns the non-linear part on top). Weights are row-major
 * {@code W[in * out]}, as {@link Nd4jTrainer} trains them (the N-BEATS/MLP literature's plain
 * fully connected block; Oreshkin et al. 2020).
 */
final class MlpKernel {
    private MlpKernel() {
    }

    /**
     * Computes the outputs of one input row.
     *
     * @param sizes   layer sizes {@code [p, h_1, .., h_d, Q]}
     * @param weights {@code weights[l]}: {@code sizes[l] x sizes[l+1]}, row-major
     * @param biases  {@code biases[l]}: {@code sizes[l+1]}
     * @param skip    {@code p x Q}, row-major
     * @param x       raw inputs (standardised here into {@code work[0]})
     * @param work    {@code work[l]} of length {@code sizes[l]}, for {@code l = 0..d}
     * @param out     the {@code Q} outputs
     */
    static void forward(int[] sizes, double[][] weights, double[][] biases, double[] skip, double[] mu, double[] sd,
                        double[] x, double[][] work, double[] out) {
        int p = sizes[0];
        double[] in = work[0];
        for (int j = 0; j < p; j++) {
            in[j] = (x[j] - mu[j]) / sd[j];
        }
        int layers = sizes.length - 1;
        for (int l = 0; l < layers; l++) {
            int nIn = sizes[l];
            int nOut = sizes[l + 1];
            double[] w = weights[l];
            double[] a = l == layers - 1 ? out : work[l + 1];
            System.arraycopy(biases[l], 0, a, 0, nOut);
            double[] h = work[l];
            for (int i = 0; i < nIn; i++) {
                double hi = h[i];
                if (hi == 0) {
                    continue;
                }
                int base = i * nOut;
                for (int o = 0; o < nOut; o++) {
                    a[o] += hi * w[base + o];
                }
            }
            if (l < layers - 1) {
                for (int o = 0; o < nOut; o++) {
                    a[o] = Math.max(a[o], 0);
                }
            }
        }
        int q = sizes[layers];
        double[] x0 = work[0];
        for (int i = 0; i < p; i++) {
            double xi = x0[i];
            if (xi == 0) {
                continue;
            }
            int base = i * q;
            for (int o = 0; o < q; o++) {
                out[o] += xi * skip[base + o];
            }
        }
    }

    /** Scratch buffers for {@link #forward}. */
    static double[][] work(int[] sizes) {
        double[][] w = new double[sizes.length - 1][];
        for (int l = 0; l < w.length; l++) {
            w[l] = new double[sizes[l]];
        }
        return w;
    }
}
