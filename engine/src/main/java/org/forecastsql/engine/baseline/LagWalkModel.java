package org.forecastsql.engine.baseline;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.StateIO;

/** A fitted naive, seasonal naive or drift model (see {@link LagWalkKernel}). */
record LagWalkModel(String method, LagWalkKernel.Params params, double[] tail, double[] fitted) implements FittedModel {

    @Override
    public String description() {
        return switch (method) {
            case "naive" -> "Naive";
            case "snaive" -> "Seasonal naive[" + params.lag() + "]";
            default -> String.format("Random walk with drift %.6g", params.drift());
        };
    }

    @Override
    public Forecast forecast(int h, double[] levels, double[][] futureXreg) {
        return Forecast.normal(LagWalkKernel.pointForecast(tail, params, h), LagWalkKernel.forecastSe(params, h), levels);
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeInt(params.lag());
        out.writeDouble(params.drift());
        out.writeDouble(params.driftSe());
        out.writeDouble(params.sigma());
        StateIO.writeDoubles(out, tail);
        StateIO.writeDoubles(out, fitted);
    }

    static LagWalkModel read(String method, DataInput in) throws IOException {
        LagWalkKernel.Params p = new LagWalkKernel.Params(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble());
        double[] tail = StateIO.readDoubles(in, method + " tail");
        double[] fitted = StateIO.readDoubles(in, method + " fitted");
        return new LagWalkModel(method, p, tail, fitted);
    }
}
