package org.forecastsql.engine.neural;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The network of {@link MlpKernel} as ND4J float32 arrays with its Adam moments: batched forward
 * pass, the pinball loss and its gradient {@code dL/dq = (1[q > z] - tau) / (B Q)}, back-propagation
 * written out per layer ({@code dW_l = h_l^T d_l}, {@code db_l = 1^T d_l},
 * {@code d_{l-1} = d_l W_l^T * 1[h_{l-1} > 0]}; the skip gets {@code x^T dq}), and Adam (Kingma and
 * Ba 2015: {@code beta1 = 0.9, beta2 = 0.999, eps = 1e-8}, bias-corrected step). Initial weights
 * come from the caller's seeded {@link Random} (He-uniform; the output layer scaled by 0.1, the skip
 * zero, the output biases at the targets' empirical quantiles). Not thread-safe.
 */
final class Nd4jNetwork {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    final int[] sizes;
    final int layers;
    final INDArray[] w;
    final INDArray[] b;
    final INDArray skip;
    final INDArray[] params;
    final INDArray[] m;
    final INDArray[] v;
    final INDArray tau;
    int t;

    Nd4jNetwork(int[] sizes, Random rnd, double[] outputBias) {
        this.sizes = sizes;
        this.layers = sizes.length - 1;
        w = new INDArray[layers];
        b = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            double limit = Math.sqrt(6.0 / sizes[l]) * (l == layers - 1 ? 0.1 : 1.0);
            float[] init = new float[sizes[l] * sizes[l + 1]];
            for (int i = 0; i < init.length; i++) {
                init[i] = (float) ((2 * rnd.nextDouble() - 1) * limit);
            }
            w[l] = Nd4j.create(init, new long[] {sizes[l], sizes[l + 1]}, 'c');
            float[] bias = new float[sizes[l + 1]];
            if (l == layers - 1) {
                for (int i = 0; i < bias.length; i++) {
                    bias[i] = (float) outputBias[i];
                }
            }
            b[l] = Nd4j.create(bias, new long[] {1, sizes[l + 1]}, 'c');
        }
        skip = Nd4j.zeros(DataType.FLOAT, sizes[0], sizes[layers]);
        params = new INDArray[2 * layers + 1];
        for (int l = 0; l < layers; l++) {
            params[l] = w[l];
            params[layers + l] = b[l];
        }
        params[2 * layers] = skip;
        m = new INDArray[params.length];
        v = new INDArray[params.length];
        for (int i = 0; i < params.length; i++) {
            m[i] = Nd4j.zeros(DataType.FLOAT, params[i].shape());
            v[i] = Nd4j.zeros(DataType.FLOAT, params[i].shape());
        }
        float[] taus = new float[NeuralInputs.QUANTILES.length];
        for (int i = 0; i < taus.length; i++) {
            taus[i] = (float) NeuralInputs.QUANTILES[i];
        }
        tau = Nd4j.create(taus, new long[] {1, taus.length}, 'c');
    }

    /** Activations {@code h[0] = x, .., h[layers - 1]} and the output in {@code h[layers]}. */
    private INDArray[] forward(INDArray x) {
        INDArray[] h = new INDArray[layers + 1];
        h[0] = x;
        for (int l = 0; l < layers; l++) {
            INDArray a = h[l].mmul(w[l]).addiRowVector(b[l]);
            h[l + 1] = l < layers - 1 ? Transforms.relu(a, false) : a.addi(x.mmul(skip));
        }
        return h;
    }

    /** One Adam step on a batch of {@code rows}; returns the batch's mean pinball loss (before the step). */
    double step(float[] bx, float[] bz, int rows, double lr) {
        INDArray x = Nd4j.create(Arrays.copyOf(bx, rows * sizes[0]), new long[] {rows, sizes[0]}, 'c');
        INDArray z = Nd4j.create(Arrays.copyOf(bz, rows), new long[] {rows, 1}, 'c');
        INDArray[] h = forward(x);
        INDArray diff = h[layers].subColumnVector(z);
        double loss = pinball(diff);
        INDArray dq = Transforms.step(diff, false).subiRowVector(tau).divi(rows * (double) tau.length());
        INDArray[] grads = new INDArray[params.length];
        grads[2 * layers] = x.transpose().mmul(dq);
        INDArray d = dq;
        for (int l = layers - 1; l >= 0; l--) {
            grads[l] = h[l].transpose().mmul(d);
            grads[layers + l] = d.sum(true, 0);
            if (l > 0) {
                d = d.mmul(w[l].transpose()).muli(Transforms.step(h[l], false));
            }
        }
        t++;
        double alpha = lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
        for (int i = 0; i < params.length; i++) {
            INDArray g = grads[i];
            m[i].muli(BETA1).addi(g.mul(1 - BETA1));
            v[i].muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
            params[i].subi(m[i].div(Transforms.sqrt(v[i], true).addi(EPS)).muli(alpha));
        }
        return loss;
    }

    /** Mean pinball loss given {@code diff = q - z} ({@code rows x Q}). */
    private double pinball(INDArray diff) {
        float[] dd = diff.dup('c').data().asFloat();
        int nq = (int) tau.length();
        double s = 0;
        for (int i = 0; i < dd.length; i++) {
            double e = -dd[i];
            double tq = NeuralInputs.QUANTILES[i % nq];
            s += e >= 0 ? tq * e : (tq - 1) * e;
        }
        return s / dd.length;
    }

    /** Mean pinball loss on standardised rows (batched forward passes). */
    double loss(float[] x, float[] z, int rows) {
        int p = sizes[0];
        int batch = 4096;
        double total = 0;
        for (int from = 0; from < rows; from += batch) {
            int count = Math.min(batch, rows - from);
            INDArray xb = Nd4j.create(Arrays.copyOfRange(x, from * p, (from + count) * p), new long[] {count, p}, 'c');
            INDArray zb = Nd4j.create(Arrays.copyOfRange(z, from, from + count), new long[] {count, 1}, 'c');
            total += pinball(forward(xb)[layers].subColumnVector(zb)) * count;
        }
        return total / rows;
    }

    /** The parameters as row-major double arrays, in {@link #params} order. */
    double[][] snapshot() {
        double[][] s = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            s[i] = params[i].dup('c').castTo(DataType.DOUBLE).data().asDouble();
        }
        return s;
    }
}
