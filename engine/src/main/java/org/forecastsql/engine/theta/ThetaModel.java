package org.forecastsql.engine.theta;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;

/** A fitted Theta model (see {@link ThetaKernel}); immutable. */
record ThetaModel(ThetaKernel.Params params) implements FittedModel {

    @Override
    public String method() {
        return "theta";
    }

    @Override
    public String description() {
        return String.format("Theta(alpha=%.4g, drift=%.6g%s)", params.alpha(), params.drift(),
                params.seasonal().length > 0 ? ", seasonal[" + params.seasonal().length + "]" : "");
    }

    @Override
    public Forecast forecast(int h, double[] levels, double[][] futureXreg) {
        return Forecast.normal(ThetaKernel.pointForecast(params, h), ThetaKernel.forecastSe(params, h), levels);
    }

    @Override
    public double[] fitted() {
        return params.fitted().clone();
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeDouble(params.level());
        out.writeDouble(params.drift());
        out.writeDouble(params.alpha());
        out.writeInt(params.n());
        out.writeDouble(params.sigma2());
        writeArray(out, params.seasonal());
        writeArray(out, params.fitted());
    }

    static ThetaModel read(DataInput in) throws IOException {
        double level = in.readDouble();
        double drift = in.readDouble();
        double alpha = in.readDouble();
        int n = in.readInt();
        double sigma2 = in.readDouble();
        double[] seasonal = readArray(in);
        double[] fitted = readArray(in);
        return new ThetaModel(new ThetaKernel.Params(level, drift, alpha, n, seasonal, sigma2, fitted));
    }

    private static void writeArray(DataOutput out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double d : v) {
            out.writeDouble(d);
        }
    }

    private static double[] readArray(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000_000) {
            throw new IOException("corrupt theta model state: array length " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }
}
