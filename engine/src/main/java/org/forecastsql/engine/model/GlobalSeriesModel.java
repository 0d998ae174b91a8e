package org.forecastsql.engine.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One series' view of a {@link GlobalModel} shared by every series of a model version: its own
 * state is its index in the shared model and the time stamps of the periods it can forecast (the
 * trainer steps them along the series' calendar, so month ends stay month ends). Reading it back
 * needs the shared models of its version bound to the reading thread ({@link #bind}).
 *
 * @param futureTimes the time stamps of the {@code horizon} periods after the series' last
 *                    observation, in the series' time encoding
 */
public record GlobalSeriesModel(GlobalModel shared, int index, long[] futureTimes) implements FittedModel {
    /** Per-series state format: 1 held the last epoch day (daily data only), 2 the future time stamps. */
    static final int FORMAT_VERSION = 2;

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

    static FittedModel read(String method, DataInput in, int formatVersion) throws IOException {
        Map<String, GlobalModel> bound = BOUND.get();
        GlobalModel shared = bound == null ? null : bound.get(method);
        if (shared == null) {
            throw new IOException("a " + method + " series can be read only with its model version's shared state");
        }
        int index = in.readInt();
        long[] times;
        if (formatVersion == 1) {
            long lastDay = in.readLong();
            times = new long[shared.horizon()];
            for (int k = 0; k < times.length; k++) {
                times[k] = lastDay + 1 + k;
            }
        } else {
            times = StateIO.readLongs(in, "future time stamps");
        }
        return new GlobalSeriesModel(shared, index, times);
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
        if (h < 1 || h > futureTimes.length) {
            throw new IllegalArgumentException("horizon " + h + " outside 1.." + futureTimes.length + " (the model was trained "
                    + "for horizon " + futureTimes.length + "; retrain with a longer horizon)");
        }
        return shared.forecast(index, h, levels, futureXreg, futureTimes);
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
        StateIO.writeLongs(out, futureTimes);
    }
}
