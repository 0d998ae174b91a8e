package org.forecastsql.engine.ensemble;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Locale;
import java.util.StringJoiner;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelCodec;
import org.forecastsql.engine.model.StateIO;
import org.forecastsql.engine.stats.Distributions;

/**
 * A fitted backtest-weighted combination of members ({@link EnsembleKernel}): the point forecast is
 * the weighted mean of the members', the intervals the weighted mean 95% half-width scaled by the
 * conformal quantile of the backtest's error ratios.
 *
 * @param ratios sorted backtest ratios {@code |y − ŷ| / halfWidth95} of the combination
 */
public record EnsembleModel(FittedModel[] members, double[] weights, double[] ratios) implements FittedModel {
    static final double[] WIDTH_LEVEL = {95};

    @Override
    public String method() {
        return EnsembleFamily.METHOD;
    }

    @Override
    public String description() {
        StringJoiner j = new StringJoiner(", ", "Ensemble of ", "");
        for (int i = 0; i < members.length; i++) {
            j.add(String.format(Locale.ROOT, "%s %.2f", members[i].method(), weights[i]));
        }
        return j.toString();
    }

    @Override
    public Forecast forecast(int h, double[] levels, double[][] futureXreg) {
        double[] mean = new double[h];
        double[] half = new double[h];
        double[] total = new double[h];
        for (int i = 0; i < members.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            // a global member forecasts only as far as it was trained for: beyond, the others share its weight
            int reach = Math.min(h, members[i].maxHorizon());
            Forecast f = members[i].forecast(reach, WIDTH_LEVEL, futureXreg);
            for (int t = 0; t < reach; t++) {
                mean[t] += weights[i] * f.mean()[t];
                half[t] += weights[i] * (f.upper()[0][t] - f.mean()[t]);
                total[t] += weights[i];
            }
        }
        for (int t = 0; t < h; t++) {
            if (!(total[t] > 0)) {
                throw new IllegalArgumentException("horizon " + h + " is beyond what every member of the ensemble was "
                        + "trained for (" + t + "); retrain with a longer horizon");
            }
            mean[t] /= total[t];
            half[t] /= total[t];
        }
        double[][] lo = new double[levels.length][h];
        double[][] hi = new double[levels.length][h];
        for (int l = 0; l < levels.length; l++) {
            double q = EnsembleKernel.conformalQuantile(ratios, levels[l]);
            if (Double.isNaN(q)) {
                q = Distributions.normalQuantile(0.5 + levels[l] / 200) / Distributions.normalQuantile(0.975);
            }
            for (int t = 0; t < h; t++) {
                lo[l][t] = mean[t] - q * half[t];
                hi[l][t] = mean[t] + q * half[t];
            }
        }
        return new Forecast(mean, levels, lo, hi);
    }

    @Override
    public int maxHorizon() {
        int reach = 0;
        for (int i = 0; i < members.length; i++) {
            if (weights[i] > 0) {
                reach = Math.max(reach, members[i].maxHorizon());
            }
        }
        return reach;
    }

    @Override
    public boolean needsFutureRegressors() {
        for (int i = 0; i < members.length; i++) {
            if (weights[i] > 0 && members[i].needsFutureRegressors()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public double[] fitted() {
        double[] out = null;
        for (int i = 0; i < members.length; i++) {
            double[] f = members[i].fitted();
            if (out == null) {
                out = new double[f.length];
            }
            if (f.length != out.length) {
                return new double[0];
            }
            for (int t = 0; t < f.length; t++) {
                out[t] += weights[i] * f[t];
            }
        }
        return out == null ? new double[0] : out;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeInt(members.length);
        for (FittedModel m : members) {
            byte[] b = ModelCodec.encode(m);
            out.writeInt(b.length);
            out.write(b);
        }
        StateIO.writeDoubles(out, weights);
        StateIO.writeDoubles(out, ratios);
    }

    static EnsembleModel read(DataInput in) throws IOException {
        int k = in.readInt();
        if (k < 1 || k > 64) {
            throw new IOException("corrupt ensemble state: " + k + " members");
        }
        FittedModel[] members = new FittedModel[k];
        for (int i = 0; i < k; i++) {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            members[i] = ModelCodec.decode(b);
        }
        return new EnsembleModel(members, StateIO.readDoubles(in, "ensemble weights"), StateIO.readDoubles(in, "ensemble ratios"));
    }
}
