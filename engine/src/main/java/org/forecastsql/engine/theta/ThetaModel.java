package org.forecastsql.engine.theta;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.StateIO;

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
        StateIO.writeDoubles(out, params.seasonal());
        StateIO.writeDoubles(out, params.fitted());
    }

    static ThetaModel read(DataInput in) throws IOException {
        double level = in.readDouble();
        double drift = in.readDouble();
        double alpha = in.readDouble();
        int n = in.readInt();
        double sigma2 = in.readDouble();
        double[] seasonal = StateIO.readDoubles(in, "theta seasonal");
        double[] fitted = StateIO.readDoubles(in, "theta fitted");
        return new ThetaModel(new ThetaKernel.Params(level, drift, alpha, n, seasonal, sigma2, fitted));
    }
}
