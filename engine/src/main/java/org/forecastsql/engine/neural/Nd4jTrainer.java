package org.forecastsql.engine.neural;

import java.util.Arrays;
import java.util.Random;
import org.forecastsql.engine.model.ModelFitException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the network ({@link MlpKernel}'s architecture) on ND4J in float32: mini-batches of
 * streamed windows ({@link WindowSampler}), the pinball loss averaged over the quantiles of
 * {@link NeuralInputs#QUANTILES} ({@code rho_tau(e) = max(tau e, (tau - 1) e)}, {@code e = z - q};
 * Koenker 2005), back-propagation written out per layer, and Adam (Kingma and Ba 2015: {@code
 * beta1 = 0.9, beta2 = 0.999, eps = 1e-8}, bias-corrected step). After each epoch the validation
 * pinball loss decides early stopping (the best epoch's weights are kept; the step size halves
 * when an epoch does not improve). Deterministic for a seed on the CPU: initial weights, the
 * series order and the windows come from one seeded {@link Random}; ND4J's reductions and BLAS
 * calls run in a fixed order for a fixed thread count.
 */
final class Nd4jTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(Nd4jTrainer.class);
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    /** The trained network and how training went. */
    record Trained(int[] sizes, double[][] weights, double[][] biases, double[] skip, double[] mu, double[] sd,
                   int epochs, int bestEpoch, double validationLoss, long rows, double seconds, String backend) {
    }

    private Nd4jTrainer() {
    }

    static Trained train(WindowSampler sampler, NeuralOptions o, long seed) throws ModelFitException {
        long t0 = System.nanoTime();
        int trainable = sampler.trainableCount();
        if (trainable == 0) {
            throw new ModelFitException("neural: no series gives a training window: a series needs more than "
                    + (sampler.inputs.minOrigin() + 1 + sampler.cut) + " observations");
        }
        String backend = Nd4jRuntime.init(o.threads());
        NeuralInputs in = sampler.inputs;
        int p = in.width();
        int nq = NeuralInputs.QUANTILES.length;
        int n = sampler.series.size();
        int perSeries = Math.max(1, (o.rowsPerEpoch() + trainable - 1) / trainable);
        int chunk = Math.min(n, Math.max(o.chunkSeries(), (4 * o.batchSize() + perSeries - 1) / perSeries));
        float[] x = new float[chunk * perSeries * p];
        float[] z = new float[chunk * perSeries];
        Random rnd = new Random(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, rnd);
        int first = sampler.fill(order, 0, chunk, perSeries, rnd, x, z);
        double[] mu = new double[p];
        double[] sd = new double[p];
        moments(x, first, p, mu, sd);
        float[][] val = sampler.validation(o.validationSeries());
        int valRows = val[1].length;
        standardise(val[0], valRows, p, mu, sd);
        int[] sizes = new int[o.depth() + 2];
        sizes[0] = p;
        Arrays.fill(sizes, 1, sizes.length - 1, o.hidden());
        sizes[sizes.length - 1] = nq;
        Network net = new Network(sizes, new Random(seed ^ 0x5DEECE66DL), quantiles(z, first));
        double best = Double.POSITIVE_INFINITY;
        double[][] bestState = net.snapshot();
        int bestEpoch = 0;
        int epoch = 0;
        long rows = 0;
        double lr = o.learningRate();
        float[] bx = new float[o.batchSize() * p];
        float[] bz = new float[o.batchSize()];
        while (epoch < o.maxEpochs()) {
            epoch++;
            shuffle(order, rnd);
            double trainLoss = 0;
            long trainRows = 0;
            for (int from = 0; from < n; from += chunk) {
                int count = sampler.fill(order, from, Math.min(n, from + chunk), perSeries, rnd, x, z);
                standardise(x, count, p, mu, sd);
                int[] perm = permutation(count, rnd);
                for (int b = 0; b < count; b += o.batchSize()) {
                    int m = Math.min(o.batchSize(), count - b);
                    for (int r = 0; r < m; r++) {
                        System.arraycopy(x, perm[b + r] * p, bx, r * p, p);
                        bz[r] = z[perm[b + r]];
                    }
                    trainLoss += net.step(bx, bz, m, lr) * m;
                    trainRows += m;
                }
            }
            rows += trainRows;
            double loss = valRows > 0 ? net.loss(val[0], val[1], valRows) : trainLoss / trainRows;
            LOG.debug("neural epoch {}: train pinball {}, validation pinball {}", epoch, trainLoss / trainRows, loss);
            if (best == Double.POSITIVE_INFINITY || loss < best - 1e-5 * Math.abs(best)) {
                best = loss;
                bestEpoch = epoch;
                bestState = net.snapshot();
            } else {
                lr *= 0.5;
                if (epoch - bestEpoch >= o.patience()) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.info("neural: {} epochs (best {}), {} rows, validation pinball {}, {} s on {}", epoch, bestEpoch, rows,
                best, String.format("%.1f", seconds), backend);
        int layers = sizes.length - 1;
        return new Trained(sizes, Arrays.copyOfRange(bestState, 0, layers),
                Arrays.copyOfRange(bestState, layers, 2 * layers), bestState[2 * layers], mu, sd, epoch, bestEpoch,
                best, rows, seconds, backend);
    }

    /** Column means and standard deviations of {@code rows} rows ({@code sd} 1 for constant columns). */
    static void moments(float[] x, int rows, int p, double[] mu, double[] sd) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < p; j++) {
                mu[j] += x[r * p + j];
            }
        }
        for (int j = 0; j < p; j++) {
            mu[j] /= Math.max(rows, 1);
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < p; j++) {
                double d = x[r * p + j] - mu[j];
                sd[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            double s = Math.sqrt(sd[j] / Math.max(rows - 1, 1));
            sd[j] = s > 1e-6 ? s : 1.0;
        }
    }

    private static void standardise(float[] x, int rows, int p, double[] mu, double[] sd) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < p; j++) {
                x[r * p + j] = (float) ((x[r * p + j] - mu[j]) / sd[j]);
            }
        }
    }

    /** Empirical quantiles of the first targets: the output biases start there. */
    private static double[] quantiles(float[] z, int count) {
        float[] sorted = Arrays.copyOf(z, Math.max(count, 1));
        Arrays.sort(sorted);
        double[] q = new double[NeuralInputs.QUANTILES.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = sorted[(int) Math.min(sorted.length - 1, Math.floor(NeuralInputs.QUANTILES[i] * sorted.length))];
        }
        return q;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] permutation(int n, Random rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        shuffle(a, rnd);
        return a;
    }

    /** The network's parameters and Adam moments as ND4J arrays. */
    private static final class Network {
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

        Network(int[] sizes, Random rnd, double[] outputBias) {
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
}
