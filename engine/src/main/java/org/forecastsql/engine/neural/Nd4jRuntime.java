package org.forecastsql.engine.neural;

import org.forecastsql.engine.model.ModelFitException;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads ND4J on first use (only a neural fit gets here) and sets its threads: OpenMP threads and
 * BLAS threads per op. A failure to load the native backend becomes a {@link ModelFitException}
 * naming the backend and the cause, so every other family keeps working where ND4J cannot load.
 */
final class Nd4jRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);
    private static String backend;

    private Nd4jRuntime() {
    }

    /** Loads the backend (once), sets {@code threads}, logs and returns the backend's description. */
    static synchronized String init(int threads) throws ModelFitException {
        try {
            String name = Nd4j.getBackend().getClass().getSimpleName();
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            Nd4j.factory().blas().setMaxThreads(threads);
            String description = "ND4J " + name + (Nd4j.getEnvironment().isCPU() ? " (nd4j-native, CPU)" : " (CUDA)")
                    + ", " + threads + " thread" + (threads == 1 ? "" : "s");
            if (!description.equals(backend)) {
                LOG.info("neural network training on {}", description);
                backend = description;
            }
            return description;
        } catch (LinkageError | RuntimeException e) {
            throw new ModelFitException("neural: ND4J's native backend could not be loaded on this machine ("
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + "): " + e
                    + "; the other methods do not need it", e);
        }
    }
}
