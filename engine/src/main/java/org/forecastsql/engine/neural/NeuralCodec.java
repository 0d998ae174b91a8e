package org.forecastsql.engine.neural;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.model.StateIO;

/**
 * The state layout of a {@link GlobalNeuralModel}, format version 1: the feature spec (horizon,
 * season, windows, calendar, covariates with their relative flags, log target, time kind), the
 * lookback, the input names (checked on read, so a driver that computes features differently
 * refuses the state), the quantile grid (checked likewise), the layer sizes, the training
 * summary, standardisation, weights, biases and skip weights, then each series' key, last time,
 * tail values and relative-covariate tails.
 */
final class NeuralCodec {
    private NeuralCodec() {
    }

    static void write(GlobalNeuralModel m, DataOutput out) throws IOException {
        m.inputs.spec.write(out);
        out.writeInt(m.inputs.lookback);
        m.inputs.builder.writeNames(out);
        StateIO.writeDoubles(out, NeuralInputs.QUANTILES);
        writeInts(out, m.sizes);
        out.writeUTF(m.training);
        out.writeUTF(m.backend);
        StateIO.writeDoubles(out, m.importance);
        StateIO.writeDoubles(out, m.mu);
        StateIO.writeDoubles(out, m.sd);
        for (int l = 0; l < m.weights.length; l++) {
            StateIO.writeDoubles(out, m.weights[l]);
            StateIO.writeDoubles(out, m.biases[l]);
        }
        StateIO.writeDoubles(out, m.skip);
        out.writeInt(m.tails.size());
        for (NeuralTail t : m.tails) {
            out.writeBoolean(t.key() != null);
            if (t.key() != null) {
                out.writeUTF(t.key());
            }
            out.writeLong(t.lastTime());
            StateIO.writeDoubles(out, t.values());
            for (double[] c : t.covariates()) {
                out.writeBoolean(c != null);
                if (c != null) {
                    StateIO.writeDoubles(out, c);
                }
            }
        }
    }

    static GlobalNeuralModel read(DataInput in, int version) throws IOException {
        FeatureSpec spec = FeatureSpec.read(in);
        NeuralInputs inputs = new NeuralInputs(spec, in.readInt());
        inputs.builder.checkNames(in, "neural");
        if (!java.util.Arrays.equals(StateIO.readDoubles(in, "neural quantiles"), NeuralInputs.QUANTILES)) {
            throw new IOException("neural state has a quantile grid this driver does not read");
        }
        int[] sizes = readInts(in);
        if (sizes.length < 3 || sizes[0] != inputs.width() || sizes[sizes.length - 1] != NeuralInputs.QUANTILES.length) {
            throw new IOException("corrupt neural state: layer sizes " + java.util.Arrays.toString(sizes));
        }
        String training = in.readUTF();
        String backend = in.readUTF();
        double[] importance = StateIO.readDoubles(in, "neural importance");
        double[] mu = StateIO.readDoubles(in, "neural input means");
        double[] sd = StateIO.readDoubles(in, "neural input scales");
        int layers = sizes.length - 1;
        double[][] weights = new double[layers][];
        double[][] biases = new double[layers][];
        for (int l = 0; l < layers; l++) {
            weights[l] = StateIO.readDoubles(in, "neural weights");
            biases[l] = StateIO.readDoubles(in, "neural biases");
            if (weights[l].length != sizes[l] * sizes[l + 1] || biases[l].length != sizes[l + 1]) {
                throw new IOException("corrupt neural state: layer " + l + " has " + weights[l].length + " weights");
            }
        }
        double[] skip = StateIO.readDoubles(in, "neural skip weights");
        if (mu.length != sizes[0] || sd.length != sizes[0] || skip.length != sizes[0] * sizes[layers]) {
            throw new IOException("corrupt neural state: input standardisation or skip weights of the wrong size");
        }
        int series = in.readInt();
        int nc = spec.covariates().size();
        List<NeuralTail> tails = new ArrayList<>(series);
        for (int i = 0; i < series; i++) {
            String key = in.readBoolean() ? in.readUTF() : null;
            long last = in.readLong();
            double[] values = StateIO.readDoubles(in, "neural tail");
            double[][] cov = new double[nc][];
            for (int c = 0; c < nc; c++) {
                cov[c] = in.readBoolean() ? StateIO.readDoubles(in, "neural covariate tail") : null;
            }
            tails.add(new NeuralTail(key, last, values, cov));
        }
        if (importance.length != 0 && importance.length != sizes[0]) {
            throw new IOException("corrupt neural state: " + importance.length + " importances for " + sizes[0] + " inputs");
        }
        return new GlobalNeuralModel(inputs, sizes, weights, biases, skip, mu, sd, tails, training, backend, importance);
    }

    private static void writeInts(DataOutput out, int[] v) throws IOException {
        out.writeInt(v.length);
        for (int x : v) {
            out.writeInt(x);
        }
    }

    private static int[] readInts(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1024) {
            throw new IOException("corrupt neural state: int array length " + n);
        }
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readInt();
        }
        return v;
    }
}
