package org.forecastsql.engine.baseline;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;

/** A fitted mean model (see {@link MeanKernel}). */
record MeanModel(double mean, double sd, int n) implements FittedModel {

    @Override
    public String method() {
        return "mean";
    }

    @Override
    public String description() {
        return String.format("Mean %.6g", mean);
    }

    @Override
    public Forecast forecast(int h, double[] levels, double[][] futureXreg) {
        double[] f = new double[h];
        java.util.Arrays.fill(f, mean);
        double[][] lo = new double[levels.length][h];
        double[][] hi = new double[levels.length][h];
        for (int i = 0; i < levels.length; i++) {
            double w = MeanKernel.halfWidth(sd, n, levels[i]);
            java.util.Arrays.fill(lo[i], mean - w);
            java.util.Arrays.fill(hi[i], mean + w);
        }
        return new Forecast(f, levels, lo, hi);
    }

    @Override
    public double[] fitted() {
        double[] f = new double[n];
        java.util.Arrays.fill(f, mean);
        return f;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeDouble(mean);
        out.writeDouble(sd);
        out.writeInt(n);
    }

    static MeanModel read(DataInput in) throws IOException {
        return new MeanModel(in.readDouble(), in.readDouble(), in.readInt());
    }
}
