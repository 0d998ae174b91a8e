package org.forecastsql.engine.neural;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.forecastsql.engine.features.PreparedSeries;
import org.forecastsql.engine.features.SeriesFrame;

/**
 * Streams training windows: rows are built chunk by chunk of series (one chunk's
 * {@link org.forecastsql.engine.features.PreparedSeries} and rows in memory at a time, never every
 * window of the batch), each a (series, origin, step) triple drawn uniformly with a seeded
 * {@link Random}: the step {@code k} in {@code 1..H}, then the origin {@code o} with every input
 * defined and the target {@code o + k} before the validation cut. The time-based validation window
 * is each validation series' last {@code H} periods, forecast from the origin just before it;
 * training targets of every series stop before that window, so early stopping judges forecasts
 * of periods no training row has seen.
 */
final class WindowSampler {
    final List<SeriesFrame> series;
    final NeuralInputs inputs;
    final int horizon;
    final int cut;

    /**
     * @param validate hold out the last {@code H} periods of every series (for early stopping)
     */
    WindowSampler(List<SeriesFrame> series, NeuralInputs inputs, boolean validate) {
        this.series = series;
        this.inputs = inputs;
        this.horizon = inputs.spec.horizon();
        this.cut = validate ? horizon : 0;
    }

    /** Whether series {@code i} gives at least one training row. */
    boolean trainable(int i) {
        return series.get(i).n() - 1 - cut >= inputs.minOrigin() + 1;
    }

    /** Training series count (those with a row). */
    int trainableCount() {
        int c = 0;
        for (int i = 0; i < series.size(); i++) {
            c += trainable(i) ? 1 : 0;
        }
        return c;
    }

    /** Whether some series is long enough for both training rows and a validation window. */
    boolean canValidate() {
        for (int i = 0; i < series.size(); i++) {
            if (cut > 0 && trainable(i) && series.get(i).n() - horizon - 1 >= inputs.minOrigin()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Builds {@code perSeries} rows for each trainable series of {@code order[from..to)} into
     * {@code x} (row-major, {@code width} per row) and {@code z}; returns the row count.
     */
    int fill(int[] order, int from, int to, int perSeries, Random rnd, float[] x, float[] z) {
        int width = inputs.width();
        double[] row = new double[width];
        double[] scratch = new double[inputs.builder.width()];
        int rows = 0;
        for (int c = from; c < to; c++) {
            int i = order[c];
            if (!trainable(i)) {
                continue;
            }
            SeriesFrame f = series.get(i);
            PreparedSeries p = inputs.builder.prepare(f);
            int lastTarget = f.n() - 1 - cut;
            for (int r = 0; r < perSeries; r++) {
                int maxStep = Math.min(horizon, lastTarget - inputs.minOrigin());
                int k = 1 + rnd.nextInt(maxStep);
                int lo = inputs.minOrigin();
                int o = lo + rnd.nextInt(lastTarget - k - lo + 1);
                inputs.row(p, o, k, row, scratch);
                int at = rows * width;
                for (int j = 0; j < width; j++) {
                    x[at + j] = (float) row[j];
                }
                z[rows] = (float) inputs.transform(f.values()[o + k], p.scale(o));
                rows++;
            }
        }
        return rows;
    }

    /**
     * The validation rows: for up to {@code maxSeries} evenly spaced series long enough, origin
     * {@code n - H - 1} and steps {@code 1..H}. Returns {@code {x, z}} (x row-major).
     */
    float[][] validation(int maxSeries) {
        if (cut == 0 || maxSeries == 0) {
            return new float[][] {new float[0], new float[0]};
        }
        List<Integer> chosen = new ArrayList<>();
        int stride = Math.max(1, (series.size() + maxSeries - 1) / maxSeries);
        for (int i = 0; i < series.size(); i += stride) {
            if (series.get(i).n() - horizon - 1 >= inputs.minOrigin()) {
                chosen.add(i);
            }
        }
        int width = inputs.width();
        float[] x = new float[chosen.size() * horizon * width];
        float[] z = new float[chosen.size() * horizon];
        double[] row = new double[width];
        double[] scratch = new double[inputs.builder.width()];
        int rows = 0;
        for (int i : chosen) {
            SeriesFrame f = series.get(i);
            PreparedSeries p = inputs.builder.prepare(f);
            int o = f.n() - horizon - 1;
            for (int k = 1; k <= horizon; k++) {
                inputs.row(p, o, k, row, scratch);
                for (int j = 0; j < width; j++) {
                    x[rows * width + j] = (float) row[j];
                }
                z[rows++] = (float) inputs.transform(f.values()[o + k], p.scale(o));
            }
        }
        return new float[][] {x, z};
    }
}
