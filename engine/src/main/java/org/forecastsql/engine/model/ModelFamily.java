package org.forecastsql.engine.model;

import java.io.DataInput;
import java.io.IOException;

/**
 * A family of local (per-series) models, e.g. seasonal naive or auto-ARIMA.
 *
 * <p>Implementations are stateless and thread-safe: the trainer calls {@link #fit} for many
 * series in parallel. Every family is registered in {@link ModelFamilies} and passes the shared
 * contract test ({@code ModelContractTest}).
 */
public interface ModelFamily {

    /** The method name used in {@code methods=...} and in the METHOD output column. */
    String method();

    /**
     * The fewest observations this family needs for a series with the given season length;
     * shorter series fall back to a simpler family, and STATUS says so.
     */
    int minLength(int season);

    /**
     * Whether the family is global: fitted once across all series of a batch by the trainer, not
     * per series through {@link #fit}.
     */
    default boolean isGlobal() {
        return false;
    }

    /** Whether the family combines other families' models (the ensemble), built by the trainer. */
    default boolean isComposite() {
        return false;
    }

    /** Whether the family uses regressors ({@link TrainingSeries#xreg()}). */
    default boolean usesRegressors() {
        return false;
    }

    /**
     * Fits one series.
     *
     * @throws ModelFitException when the series cannot be fitted (degenerate data, no
     *                           convergence); the trainer then falls back and reports the message
     */
    FittedModel fit(TrainingSeries series) throws ModelFitException;

    /**
     * This family with TRAIN_MODEL's family-specific options applied (e.g. {@code arima_search=exact});
     * values are validated by the SQL layer, unknown keys are ignored.
     *
     * @throws IllegalArgumentException for a value the family does not accept, naming the accepted ones
     */
    default ModelFamily configured(java.util.Map<String, String> options) {
        return this;
    }

    /** Reads a model written by {@link FittedModel#write}, for the given state format version. */
    FittedModel read(DataInput in, int formatVersion) throws IOException;

    /** The format version {@link FittedModel#write} writes now; bump it when the layout changes. */
    default int formatVersion() {
        return 1;
    }
}
