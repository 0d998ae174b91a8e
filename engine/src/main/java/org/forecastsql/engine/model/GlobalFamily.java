package org.forecastsql.engine.model;

import java.io.IOException;
import java.util.List;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;

/**
 * A family fitted across a whole batch ({@link ModelFamily#isGlobal()} is true): the trainer cuts
 * every series at each backtest origin and calls {@link #fitGlobal} once per window, then once on
 * the full histories. Per series, the fitted model is a {@link GlobalSeriesModel} view.
 */
public interface GlobalFamily extends ModelFamily {

    @Override
    default boolean isGlobal() {
        return true;
    }

    @Override
    default FittedModel fit(TrainingSeries series) throws ModelFitException {
        throw new ModelFitException(method() + " is a global model: it is fitted across all series of a TRAIN_MODEL");
    }

    /**
     * Fits one model on all {@code series} (histories whose times and covariates have the same
     * length as their values).
     *
     * @param features what to compute from each series (horizon, season, windows, calendar, covariates)
     * @param seed     random seed; the same seed and input give the same model
     * @throws ModelFitException when no series gives a training example
     */
    GlobalModel fitGlobal(List<SeriesFrame> series, FeatureSpec features, long seed) throws ModelFitException;

    /**
     * Whether the backtest refits the model at every window's origin (cheap families), or fits it
     * once at the earliest origin and forecasts every window from there (costly ones: no window
     * sees its own future either way; later windows are scored a little pessimistically).
     */
    default boolean refitPerWindow() {
        return true;
    }

    /**
     * This family with TRAIN_MODEL's family-specific options applied (e.g. {@code learner=gbt} for
     * the regression); values are validated by the SQL layer, unknown keys are ignored.
     *
     * @throws IllegalArgumentException for a value the family does not accept, naming the accepted ones
     */
    @Override
    default GlobalFamily configured(java.util.Map<String, String> options) {
        return this;
    }

    /** Reads {@link GlobalModel#toBytes()}; rejects foreign bytes and newer format versions. */
    GlobalModel readGlobal(byte[] bytes) throws IOException;

    /** Per-series state is the series' index and last time stamp ({@link GlobalSeriesModel}). */
    @Override
    default FittedModel read(java.io.DataInput in, int formatVersion) throws IOException {
        return GlobalSeriesModel.read(method(), in, formatVersion);
    }

    @Override
    default int formatVersion() {
        return GlobalSeriesModel.FORMAT_VERSION;
    }
}
