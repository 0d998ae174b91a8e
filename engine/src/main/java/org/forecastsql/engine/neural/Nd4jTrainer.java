package org.forecastsql.engine.neural;

import java.util.Arrays;
import java.util.Random;
import org.forecastsql.engine.model.ModelFitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the network ({@link MlpKernel}'s architecture, on ND4J through {@link Nd4jNetwork}):
 * mini-batches of streamed windows ({@link WindowSampler}), inputs standardised by the moments of
 * the first chunk, the pinball loss averaged over the quantiles of {@link NeuralInputs#QUANTILES}
 * ({@code rho_tau(e) = max(tau e, (tau - 1) e)}, {@code e = z - q}; Koenker 2005), Adam. After each epoch the validation
 * pinball loss decides early stopping (the best epoch's weights are kept; the step size halves
 * when an epoch does not improve). Deterministic for a seed on the CPU: initial weights, the
 * series order and the windows come from one seeded {@link Random}; ND4J's reductions and BLAS
 * calls run in a fixed order for a fixed thread count.
 */
final class Nd4jTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(Nd4jTrainer.class);

    /** The trained network and how training went. */
    record Trained(int[] sizes, double[][] weights, double[][] biases, double[] skip, double[] mu, double[] sd,
                   int epochs, int bestEpoch, double validationLoss, long rows, double seconds, String backend,
                   boolean refitted) {
    }

    private Nd4jTrainer() {
    }

    /**
     * Trains on {@code sampler} (with its validation window) until early stopping; with
     * {@code full} (the same series without a held-out window) trains a fresh network of the same
     * seed again on all periods for the best epoch count and step-size schedule found, so the
     * latest periods shape the weights too.
     */
    static Trained train(WindowSampler sampler, WindowSampler full, NeuralOptions o, long seed) throws ModelFitException {
        long t0 = System.nanoTime();
        if (sampler.trainableCount() == 0) {
            throw new ModelFitException("neural: no series gives a training window: a series needs more than "
                    + (sampler.inputs.minOrigin() + 1 + sampler.cut) + " observations");
        }
        String backend = Nd4jRuntime.init(o.threads());
        Phase validated = run(sampler, o, seed, null);
        Phase phase = validated;
        long rows = phase.rows;
        boolean refit = full != null && full.trainableCount() > 0 && validated.bestEpoch > 0;
        if (refit) {
            phase = run(full, o, seed, Arrays.copyOf(phase.schedule, phase.bestEpoch));
            rows += phase.rows;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.info("neural: {} epochs (best {}{}), {} rows, validation pinball {}, {} s on {}", validated.epochs,
                validated.bestEpoch, refit ? ", then refitted on all periods" : "", rows, validated.best,
                String.format("%.1f", seconds), backend);
        int layers = phase.sizes.length - 1;
        double[][] st = phase.state;
        return new Trained(phase.sizes, Arrays.copyOfRange(st, 0, layers), Arrays.copyOfRange(st, layers, 2 * layers),
                st[2 * layers], phase.mu, phase.sd, validated.epochs, validated.bestEpoch, validated.best, rows, seconds,
                backend, refit);
    }

    /** One training run: the kept weights (best validated, or last for a fixed schedule) and its record. */
    private record Phase(int[] sizes, double[][] state, double[] mu, double[] sd, int epochs, int bestEpoch,
                         double best, long rows, double[] schedule) {
    }

    /**
     * Trains a fresh network: with {@code schedule == null} up to {@code maxEpochs} epochs with
     * early stopping on the sampler's validation rows (halving the step after an epoch without
     * improvement); otherwise exactly {@code schedule.length} epochs with those step sizes.
     */
    private static Phase run(WindowSampler sampler, NeuralOptions o, long seed, double[] schedule) {
        NeuralInputs in = sampler.inputs;
        int p = in.width();
        int nq = NeuralInputs.QUANTILES.length;
        int n = sampler.series.size();
        int trainable = sampler.trainableCount();
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
        float[][] val = schedule == null ? sampler.validation(o.validationSeries()) : new float[][] {{}, {}};
        int valRows = val[1].length;
        standardise(val[0], valRows, p, mu, sd);
        int[] sizes = new int[o.depth() + 2];
        sizes[0] = p;
        Arrays.fill(sizes, 1, sizes.length - 1, o.hidden());
        sizes[sizes.length - 1] = nq;
        Nd4jNetwork net = new Nd4jNetwork(sizes, new Random(seed ^ 0x5DEECE66DL), quantiles(z, first));
        double best = Double.POSITIVE_INFINITY;
        double[][] bestState = net.snapshot();
        int bestEpoch = 0;
        int epoch = 0;
        long rows = 0;
        int maxEpochs = schedule == null ? o.maxEpochs() : schedule.length;
        double[] used = new double[maxEpochs];
        double lr = o.learningRate();
        float[] bx = new float[o.batchSize() * p];
        float[] bz = new float[o.batchSize()];
        while (epoch < maxEpochs) {
            org.forecastsql.engine.model.Cancellation.check();
            if (schedule != null) {
                lr = schedule[epoch];
            }
            used[epoch] = lr;
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
            if (schedule != null) {
                continue;
            }
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
        if (schedule != null) {
            return new Phase(sizes, net.snapshot(), mu, sd, epoch, epoch, Double.NaN, rows, used);
        }
        return new Phase(sizes, bestState, mu, sd, epoch, bestEpoch, best, rows, used);
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
}
