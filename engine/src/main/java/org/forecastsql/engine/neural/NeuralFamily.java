package org.forecastsql.engine.neural;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.model.GlobalFamily;
import org.forecastsql.engine.model.GlobalModel;
import org.forecastsql.engine.model.ModelFitException;

/**
 * The registry entry of the global neural network ({@code methods=neural}): fits one
 * {@link GlobalNeuralModel} across all series of a batch ({@link Nd4jTrainer}, on ND4J) and reads
 * stored models back (plain Java). Constructing or registering the family touches no ND4J class;
 * the first fit loads ND4J's natives, and a failure there is a {@link ModelFitException}.
 */
public final class NeuralFamily implements GlobalFamily {
    public static final String METHOD = "neural";
    /** TRAIN_MODEL option: the most training epochs (early stopping may end sooner). */
    public static final String EPOCHS_OPTION = "epochs";
    private final NeuralOptions options;

    public NeuralFamily() {
        this(NeuralOptions.defaults());
    }

    public NeuralFamily(NeuralOptions options) {
        this.options = options;
    }

    /** This family with {@code epochs=<n>} applied (other keys are other families'). */
    @Override
    public GlobalFamily configured(java.util.Map<String, String> options) {
        String value = options.get(EPOCHS_OPTION);
        if (value == null) {
            return this;
        }
        int epochs;
        try {
            epochs = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            epochs = 0;
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("bad value '" + value + "' for option " + EPOCHS_OPTION + "; accepted: 1..1000");
        }
        return new NeuralFamily(this.options.withEpochs(epochs, this.options.rowsPerEpoch(), Math.min(this.options.patience(), epochs)));
    }

    @Override
    public String method() {
        return METHOD;
    }

    /**
     * The fewest observations a series needs with the default daily windows (7, 28): every input
     * defined at the forecast origin ({@code max(28, 12 season)} periods: the long seasonal mean
     * reads twelve seasons) plus one training target.
     */
    @Override
    public int minLength(int season) {
        return Math.max(28, season > 1 ? 12 * season : 0) + 1;
    }

    @Override
    public boolean usesRegressors() {
        return true;
    }

    /** Training is the costly part: the backtest trains once, at the earliest window's origin. */
    @Override
    public boolean refitPerWindow() {
        return false;
    }

    @Override
    public GlobalModel fitGlobal(List<SeriesFrame> series, FeatureSpec features, long seed) throws ModelFitException {
        return fit(series, features, seed);
    }

    /** {@link #fitGlobal} with the concrete type. */
    public GlobalNeuralModel fit(List<SeriesFrame> series, FeatureSpec features, long seed) throws ModelFitException {
        NeuralInputs inputs = new NeuralInputs(features, options.lookback());
        for (SeriesFrame f : series) {
            features.checkTraining(f);
        }
        WindowSampler sampler = new WindowSampler(series, inputs, true);
        WindowSampler full = new WindowSampler(series, inputs, false);
        if (sampler.trainableCount() == 0 || !sampler.canValidate()) {
            sampler = full; // too short to hold out a window: fixed epochs
        }
        Nd4jTrainer.Trained t;
        try {
            t = Nd4jTrainer.train(sampler, options.refit() && sampler != full ? full : null, options, seed);
        } catch (LinkageError e) {
            throw new ModelFitException("neural: ND4J is not usable on this class path or machine: " + e
                    + "; the other methods do not need it", e);
        }
        List<NeuralTail> tails = new ArrayList<>(series.size());
        for (SeriesFrame f : series) {
            tails.add(NeuralTail.of(f, inputs));
        }
        String training = String.format("trained %d epochs (best %d, early stopping on the last %d periods: %s)%s, "
                        + "%d windows, %.1f s on %s, seed %d", t.epochs(), t.bestEpoch(), sampler.cut,
                sampler.cut > 0 ? String.format("pinball %.4f", t.validationLoss()) : "off",
                t.refitted() ? ", refitted on all periods" : "", t.rows(), t.seconds(), t.backend(), seed);
        GlobalNeuralModel model = new GlobalNeuralModel(inputs, t.sizes(), t.weights(), t.biases(), t.skip(), t.mu(),
                t.sd(), tails, training, t.backend(), new double[0]);
        // importance on the held-out window (none without one, or when the refit trained on it too)
        if (sampler == full || t.refitted()) {
            return model;
        }
        float[][] held = sampler.validation(options.validationSeries());
        return model.withImportance(PermutationImportance.compute(model, held[0], held[1], seed));
    }

    /**
     * The ND4J backend a neural fit would train on, from the class path alone (no native code is
     * loaded): {@code nd4j-native (CPU)}, {@code nd4j-cuda (GPU)} with the {@code cuda} profile's
     * backend, or {@code unavailable} without ND4J.
     */
    public static String backendOnClassPath() {
        ClassLoader loader = NeuralFamily.class.getClassLoader();
        if (present("org.nd4j.linalg.jcublas.JCublasBackend", loader)) {
            return "nd4j-cuda (GPU)";
        }
        if (present("org.nd4j.linalg.cpu.nativecpu.CpuBackend", loader)) {
            return "nd4j-native (CPU)";
        }
        return "unavailable (ND4J is not on the class path; methods=neural cannot train)";
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public GlobalModel readGlobal(byte[] bytes) throws IOException {
        return GlobalNeuralModel.fromBytes(bytes);
    }
}
