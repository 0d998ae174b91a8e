package org.forecastsql.engine.ets;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.StateIO;

/** A fitted ETS model (see {@link AutoEts}); forecasts with {@link EtsVariance}. Immutable. */
record EtsModel(EtsFit fit) implements FittedModel {

    @Override
    public String method() {
        return "ets";
    }

    @Override
    public String description() {
        return fit.spec().toString();
    }

    @Override
    public Forecast forecast(int h, double[] levels, double[][] futureXreg) {
        double[][] mv = EtsVariance.meanAndVariance(fit, h);
        double[] sd = new double[h];
        for (int t = 0; t < h; t++) {
            sd[t] = Math.sqrt(Math.max(mv[1][t], 0));
        }
        return Forecast.normal(mv[0], sd, levels);
    }

    @Override
    public double[] fitted() {
        return fit.fitted().clone();
    }

    @Override
    public void write(DataOutput out) throws IOException {
        EtsSpec s = fit.spec();
        out.writeByte(s.error());
        out.writeByte(s.trend());
        out.writeBoolean(s.damped());
        out.writeByte(s.season());
        out.writeInt(fit.m());
        for (double d : new double[] {fit.alpha(), fit.beta(), fit.gamma(), fit.phi(), fit.loglik(), fit.aic(),
                fit.aicc(), fit.bic(), fit.sigma2(), fit.mse()}) {
            out.writeDouble(d);
        }
        StateIO.writeDoubles(out, fit.initState());
        StateIO.writeDoubles(out, fit.lastState());
        StateIO.writeDoubles(out, fit.fitted());
        StateIO.writeDoubles(out, fit.residuals());
    }

    static EtsModel read(DataInput in) throws IOException {
        EtsSpec s = new EtsSpec(in.readByte(), in.readByte(), in.readBoolean(), in.readByte());
        int m = in.readInt();
        double[] d = new double[10];
        for (int i = 0; i < d.length; i++) {
            d[i] = in.readDouble();
        }
        double[] initState = StateIO.readDoubles(in, "ETS initial state");
        double[] lastState = StateIO.readDoubles(in, "ETS last state");
        double[] fitted = StateIO.readDoubles(in, "ETS fitted");
        double[] residuals = StateIO.readDoubles(in, "ETS residuals");
        return new EtsModel(new EtsFit(s, m, d[0], d[1], d[2], d[3], initState, lastState, d[4], d[5], d[6],
                d[7], d[8], d[9], fitted, residuals));
    }
}
