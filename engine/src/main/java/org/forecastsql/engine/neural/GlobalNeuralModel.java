package org.forecastsql.engine.neural;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.FutureCovariates;
import org.forecastsql.engine.features.PreparedSeries;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.GlobalModel;
import org.forecastsql.engine.model.StateIO;

/**
 * A fitted global neural network ({@link NeuralFamily}): the input standardisation, the weights
 * of {@link MlpKernel}'s network, and each training series' tail (its last
 * {@link NeuralInputs#historyNeeded()} values and relative covariates), so it forecasts without
 * the training data. Forecasting runs in plain Java: no ND4J, no retraining. The point forecast is
 * the median; an interval of level {@code L} spans the network's quantiles {@code (1 - L)/2} and
 * {@code (1 + L)/2} (interpolated on {@link NeuralInputs#QUANTILES}, levels beyond 95% clamp to the
 * 2.5% and 97.5% quantiles). Immutable and thread-safe.
 */
public final class GlobalNeuralModel implements GlobalModel {
    /** Serialised state format version. */
    public static final int FORMAT_VERSION = 1;
    static final int MAGIC = 0x46534e4e; // "FSNN"

    final NeuralInputs inputs;
    final int[] sizes;
    final double[][] weights;
    final double[][] biases;
    final double[] skip;
    final double[] mu;
    final double[] sd;
    final List<NeuralTail> tails;
    final String training;
    final String backend;
    /** Permutation importance per input column ({@link PermutationImportance}); empty when not computed. */
    final double[] importance;

    GlobalNeuralModel(NeuralInputs inputs, int[] sizes, double[][] weights, double[][] biases, double[] skip,
                      double[] mu, double[] sd, List<NeuralTail> tails, String training, String backend,
                      double[] importance) {
        this.inputs = inputs;
        this.sizes = sizes;
        this.weights = weights;
        this.biases = biases;
        this.skip = skip;
        this.mu = mu;
        this.sd = sd;
        this.tails = List.copyOf(tails);
        this.training = training;
        this.backend = backend;
        this.importance = importance;
    }

    /** This model with its permutation importance. */
    GlobalNeuralModel withImportance(double[] values) {
        return new GlobalNeuralModel(inputs, sizes, weights, biases, skip, mu, sd, tails, training, backend, values);
    }

    /**
     * Permutation importance on the validation window: how much the mean pinball loss rises when an
     * input is shuffled across rows, largest first ({@code lag_1} is the last value before the
     * origin, {@code lag_k} k periods earlier; the others are the regression's feature names).
     */
    @Override
    public java.util.Map<String, Double> importance() {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        if (importance.length == 0) {
            return out;
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int j = 0; j < inputs.lookback; j++) {
            names.add("lag_" + (inputs.lookback - j));
        }
        names.addAll(inputs.builder.names());
        Integer[] order = new Integer[importance.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(j -> -importance[j]));
        for (int j : order) {
            out.put(names.get(j), importance[j]);
        }
        return out;
    }

    /** The ND4J backend it was trained on, e.g. "ND4J CpuBackend (nd4j-native, CPU), 1 thread". */
    @Override
    public String backend() {
        return backend;
    }

    @Override
    public String method() {
        return NeuralFamily.METHOD;
    }

    @Override
    public String description() {
        StringBuilder s = new StringBuilder("neural: MLP ");
        for (int l = 1; l < sizes.length - 1; l++) {
            s.append(l > 1 ? "x" : "").append(sizes[l]);
        }
        return s.append(" ReLU + linear skip, lookback ").append(inputs.lookback).append(", ")
                .append(sizes[0]).append(" inputs, ").append(NeuralInputs.QUANTILES.length)
                .append(" quantiles; ").append(training).toString();
    }

    @Override
    public int seriesCount() {
        return tails.size();
    }

    @Override
    public int horizon() {
        return inputs.spec.horizon();
    }

    public FeatureSpec spec() {
        return inputs.spec;
    }

    @Override
    public Forecast forecast(int seriesIndex, int h, double[] levels, double[][] futureCovariates, long[] futureTimes) {
        NeuralTail tail = tails.get(seriesIndex);
        if (futureTimes == null || futureTimes.length < h) {
            throw new IllegalArgumentException("series '" + tail.key() + "': " + h + " future time stamps needed, got "
                    + (futureTimes == null ? 0 : futureTimes.length));
        }
        return forecast(tail.frame(h, futureCovariates, futureTimes), h, levels);
    }

    @Override
    public Forecast forecast(SeriesFrame frame, int h, double[] levels) {
        FeatureSpec spec = inputs.spec;
        if (h < 1 || h > spec.horizon()) {
            throw new IllegalArgumentException("horizon " + h + " outside 1.." + spec.horizon()
                    + " (the model was trained for horizon " + spec.horizon() + "; retrain with a longer horizon)");
        }
        int n = frame.n();
        if (n <= inputs.minOrigin()) {
            throw new IllegalArgumentException("series '" + frame.key() + "' has " + n
                    + " values; the neural network needs at least " + (inputs.minOrigin() + 1));
        }
        if (frame.times().length < n + h) {
            throw new IllegalArgumentException("series '" + frame.key() + "': " + h + " future time stamps needed");
        }
        if (frame.covariates().length != spec.covariates().size()) {
            throw new IllegalArgumentException("series '" + frame.key() + "': " + frame.covariates().length
                    + " covariate columns given, expected " + spec.covariates().size() + " ("
                    + String.join(", ", spec.covariates()) + ")");
        }
        FutureCovariates.check(spec, frame, h);
        PreparedSeries prepared = inputs.builder.prepare(frame);
        int origin = n - 1;
        double s = prepared.scale(origin);
        double[] row = new double[inputs.width()];
        double[] scratch = new double[inputs.builder.width()];
        double[][] work = MlpKernel.work(sizes);
        double[] q = new double[NeuralInputs.QUANTILES.length];
        double[] mean = new double[h];
        double[][] lo = new double[levels.length][h];
        double[][] hi = new double[levels.length][h];
        for (int k = 1; k <= h; k++) {
            inputs.row(prepared, origin, k, row, scratch);
            MlpKernel.forward(sizes, weights, biases, skip, mu, sd, row, work, q);
            Arrays.sort(q); // monotone rearrangement: quantiles never cross (Chernozhukov et al. 2010)
            mean[k - 1] = inputs.inverse(q[NeuralInputs.MEDIAN], s);
            for (int i = 0; i < levels.length; i++) {
                double a = (1 - levels[i] / 100.0) / 2;
                lo[i][k - 1] = inputs.inverse(NeuralInputs.quantile(q, a), s);
                hi[i][k - 1] = inputs.inverse(NeuralInputs.quantile(q, 1 - a), s);
            }
        }
        return new Forecast(mean, levels.clone(), lo, hi);
    }

    /** The model as bytes: magic "FSNN", {@link #FORMAT_VERSION}, then {@link NeuralCodec}'s layout. */
    @Override
    public byte[] toBytes() {
        return StateIO.envelope(MAGIC, FORMAT_VERSION, out -> NeuralCodec.write(this, out));
    }

    /** Reads {@link #toBytes()} output; rejects foreign bytes and newer format versions. Never loads ND4J. */
    public static GlobalNeuralModel fromBytes(byte[] bytes) throws IOException {
        StateIO.Opened state = StateIO.open(bytes, MAGIC, FORMAT_VERSION, "neural model");
        return NeuralCodec.read(state.in(), state.version());
    }
}
