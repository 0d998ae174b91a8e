package org.forecastsql.engine.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One series' view of a {@link GlobalModel} shared by every series of a model version: its own
 * state is its index in the shared model and the time stamp of its last observation. Reading it
 * back needs the shared models of its version bound to the reading thread ({@link #bind}).
 *
 * @param lastDay the epoch day of the series' last observation (global models take daily data)
 */
public record GlobalSeriesModel(GlobalModel shared, int index, long lastDay) implements FittedModel {
    private static final ThreadLocal<Map<String, GlobalModel>> BOUND = new ThreadLocal<>();

    /** A thread-local binding of the shared models; closing it unbinds. */
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /** Binds a model version's shared models, by method, while its series states are read. */
    public static Binding bind(Map<String, GlobalModel> shared) {
        BOUND.set(new HashMap<>(shared));
        return BOUND::remove;
    }

    static FittedModel read(String method, DataInput in) throws IOException {
        Map<String, GlobalModel> bound = BOUND.get();
        GlobalModel shared = bound == null ? null : bound.get(method);
        if (shared == null) {
            throw new IOException("a " + method + " series can be read only with its model version's shared state");
        }
        return new GlobalSeriesModel(shared, in.readInt(), in.readLong());
    }

    @Override
    public String method() {
        return shared.method();
    }

    @Override
    public String description() {
        return shared.description();
    }

    @Override
    public boolean needsFutureRegressors() {
        return true;
    }

    @Override
    public Forecast forecast(int h, double[] levels, double[][] futureXreg) {
        long[] times = new long[h];
        for (int k = 0; k < h; k++) {
            times[k] = lastDay + 1 + k;
        }
        return shared.forecast(index, h, levels, futureXreg, times);
    }

    @Override
    public int maxHorizon() {
        return shared.horizon();
    }

    /** In-sample fitted values are not kept for global models (empty). */
    @Override
    public double[] fitted() {
        return new double[0];
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeInt(index);
        out.writeLong(lastDay);
    }
}
