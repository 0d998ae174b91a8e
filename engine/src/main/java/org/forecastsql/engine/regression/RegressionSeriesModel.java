package org.forecastsql.engine.regression;

import java.io.DataOutput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;

/**
 * One series' view of a {@link GlobalRegressionModel} shared by every series of a model version:
 * its own state is only its index in the shared model and its last day; {@link RegressionFamily}
 * reads it back while the shared model is bound.
 *
 * @param lastDay the epoch day of the series' last observation (daily data)
 */
public record RegressionSeriesModel(GlobalRegressionModel shared, int index, long lastDay) implements FittedModel {
    @Override
    public String method() {
        return RegressionFamily.METHOD;
    }

    @Override
    public String description() {
        return "Global ridge regression over " + shared.seriesCount() + " series";
    }

    @Override
    public Forecast forecast(int h, double[] levels, double[][] futureXreg) {
        long[] times = new long[h];
        for (int k = 0; k < h; k++) {
            times[k] = lastDay + 1 + k;
        }
        return shared.forecast(index, h, levels, futureXreg, times);
    }

    /** In-sample fitted values are not kept for the global model (empty). */
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
