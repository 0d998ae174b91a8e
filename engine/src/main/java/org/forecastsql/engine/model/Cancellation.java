package org.forecastsql.engine.model;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Whether the training that runs on this thread was cancelled (a statement's cancel or query
 * timeout): the trainer binds its check while a global family fits, and long loops inside a fit
 * (a neural network's epochs) poll it, so a cancel does not wait for a whole fit.
 */
public final class Cancellation {
    private static final ThreadLocal<BooleanSupplier> CURRENT = new ThreadLocal<>();

    private Cancellation() {
    }

    /** Binds {@code check} to this thread until the returned scope closes. */
    public static GlobalSeriesModel.Binding bind(BooleanSupplier check) {
        CURRENT.set(check);
        return CURRENT::remove;
    }

    /** @throws CancellationException when this thread's training was cancelled */
    public static void check() {
        BooleanSupplier c = CURRENT.get();
        if (c != null && c.getAsBoolean()) {
            throw new CancellationException("training cancelled");
        }
    }
}
