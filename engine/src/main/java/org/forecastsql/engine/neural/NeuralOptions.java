package org.forecastsql.engine.neural;

/**
 * Network and training options of the neural family.
 *
 * @param hidden        units per hidden layer (ReLU)
 * @param depth         hidden layers, at least 1
 * @param lookback      scaled past values fed to the network; 0 picks {@code max(longest window, 2 season)}
 * @param batchSize     rows per Adam step
 * @param learningRate  Adam step size
 * @param maxEpochs     upper bound on epochs
 * @param patience      epochs without a better validation loss before training stops
 * @param rowsPerEpoch  sampled (series, origin, step) rows per epoch (spread evenly over the series)
 * @param validationSeries at most this many series (evenly spaced) hold out their last horizon as
 *                      the early-stopping window
 * @param chunkSeries   series whose windows are built together (bounds memory: one chunk's rows at a time)
 * @param threads       ND4J/OpenMP threads per op, at least 1
 * @param refit         after early stopping, train a fresh network on all periods (the validation
 *                      window included) for the best epoch count and step schedule
 */
public record NeuralOptions(int hidden, int depth, int lookback, int batchSize, double learningRate, int maxEpochs,
                            int patience, int rowsPerEpoch, int validationSeries, int chunkSeries, int threads,
                            boolean refit) {
    public NeuralOptions {
        if (hidden < 1 || depth < 1 || lookback < 0 || batchSize < 1 || maxEpochs < 1 || patience < 1
                || rowsPerEpoch < 1 || validationSeries < 0 || chunkSeries < 1 || threads < 1) {
            throw new IllegalArgumentException("neural options out of range: " + NeuralOptions.this);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0; got " + learningRate);
        }
    }

    /**
     * Defaults: 2 hidden layers of 128, auto lookback, batch 512, Adam 1e-3, at most 40 epochs of
     * 65,536 rows with patience 4, 1,000 validation series, chunks of 256 series, and one thread
     * per core (DESIGN §7), unless the system property {@value #THREADS_PROPERTY} says otherwise: on
     * a machine whose cores are busy with other work, OpenMP's spinning threads made 2 threads
     * about 10x slower than 1 for this network's small matrix products (measured 2026-11-29, load
     * average 4-10 on 2 cores). No refit: it doubles the training time and moved MASE by 0.001
     * (retail, 300 SKUs) and 0.006 (M3 monthly) in NeuralBench.
     */
    public static NeuralOptions defaults() {
        return new NeuralOptions(128, 2, 0, 512, 1e-3, 40, 4, 65_536, 1000, 256,
                Math.max(1, Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors())), false);
    }

    /** System property overriding the default thread count of ND4J's operations. */
    public static final String THREADS_PROPERTY = "forecastsql.neural.threads";

    public NeuralOptions withThreads(int t) {
        return new NeuralOptions(hidden, depth, lookback, batchSize, learningRate, maxEpochs, patience, rowsPerEpoch,
                validationSeries, chunkSeries, t, refit);
    }

    public NeuralOptions withSize(int hiddenUnits, int layers) {
        return new NeuralOptions(hiddenUnits, layers, lookback, batchSize, learningRate, maxEpochs, patience,
                rowsPerEpoch, validationSeries, chunkSeries, threads, refit);
    }

    public NeuralOptions withEpochs(int max, int rows, int patienceEpochs) {
        return new NeuralOptions(hidden, depth, lookback, batchSize, learningRate, max, patienceEpochs, rows,
                validationSeries, chunkSeries, threads, refit);
    }

    public NeuralOptions withRefit(boolean on) {
        return new NeuralOptions(hidden, depth, lookback, batchSize, learningRate, maxEpochs, patience, rowsPerEpoch,
                validationSeries, chunkSeries, threads, on);
    }

    public NeuralOptions withLookback(int periods) {
        return new NeuralOptions(hidden, depth, periods, batchSize, learningRate, maxEpochs, patience, rowsPerEpoch,
                validationSeries, chunkSeries, threads, refit);
    }
}
