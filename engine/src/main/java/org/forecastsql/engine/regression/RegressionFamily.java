package org.forecastsql.engine.regression;

import java.io.DataInput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * The registry entry of the global regression ({@code methods=regression}). It is global: it
 * cannot fit one series alone (the trainer fits it across the batch), and it reads a series' view
 * only while the shared model of that version is bound to the reading thread ({@link #bind}).
 */
public final class RegressionFamily implements ModelFamily {
    public static final String METHOD = "regression";
    /** The fewest observations a series needs (rolling windows of 28 days plus weekly lags). */
    public static final int MIN_LENGTH = 57;
    private static final ThreadLocal<GlobalRegressionModel> BOUND = new ThreadLocal<>();

    /** A thread-local binding; closing it unbinds. */
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /** Binds the shared model (its {@link GlobalRegressionModel#toBytes() bytes}) while series states are read. */
    public static Binding bind(byte[] shared) throws IOException {
        BOUND.set(GlobalRegressionModel.fromBytes(shared));
        return BOUND::remove;
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public int minLength(int season) {
        return MIN_LENGTH;
    }

    @Override
    public boolean usesRegressors() {
        return true;
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public FittedModel fit(TrainingSeries series) throws ModelFitException {
        throw new ModelFitException("regression is a global model: it is fitted across all series of a TRAIN_MODEL");
    }

    @Override
    public FittedModel read(DataInput in, int formatVersion) throws IOException {
        GlobalRegressionModel shared = BOUND.get();
        if (shared == null) {
            throw new IOException("a regression series can be read only with its model version's shared state");
        }
        return new RegressionSeriesModel(shared, in.readInt(), in.readLong());
    }
}
