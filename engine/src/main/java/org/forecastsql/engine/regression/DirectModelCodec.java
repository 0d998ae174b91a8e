package org.forecastsql.engine.regression;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.forecastsql.engine.features.FeatureBuilder;
import org.forecastsql.engine.features.FeatureSpec;

/**
 * The parts of a {@link DirectForecastModel} state every learner writes the same way: the feature
 * spec (horizon, season, windows, calendar, covariates with their relative flags, log target,
 * time kind) followed by the feature names (checked on read, so a driver that computes features
 * differently refuses the state); the interval grids (level cuts, then a quantile grid per level
 * bucket and step); the series tails (key, last time, values, relative-covariate tails).
 */
final class DirectModelCodec {
    private DirectModelCodec() {
    }

    static void writeSpec(DataOutput out, FeatureSpec spec) throws IOException {
        spec.write(out);
        new FeatureBuilder(spec).writeNames(out);
    }

    static FeatureSpec readSpec(DataInput in, String what) throws IOException {
        FeatureSpec spec = FeatureSpec.read(in);
        new FeatureBuilder(spec).checkNames(in, what);
        return spec;
    }

    static void writeIntervals(DataOutput out, double[] cuts, double[][][] quantiles) throws IOException {
        writeDoubles(out, cuts);
        for (double[][] bucket : quantiles) {
            for (double[] g : bucket) {
                writeDoubles(out, g);
            }
        }
    }

    static ResidualCalibration.Grids readIntervals(DataInput in, int horizon) throws IOException {
        double[] cuts = readDoubles(in);
        double[][][] quantiles = new double[cuts.length + 1][horizon][];
        for (double[][] bucket : quantiles) {
            for (int k = 0; k < horizon; k++) {
                bucket[k] = readDoubles(in);
            }
        }
        return new ResidualCalibration.Grids(cuts, quantiles);
    }

    static void writeTails(DataOutput out, List<DirectForecastModel.Tail> tails) throws IOException {
        out.writeInt(tails.size());
        for (DirectForecastModel.Tail t : tails) {
            out.writeBoolean(t.key() != null);
            if (t.key() != null) {
                out.writeUTF(t.key());
            }
            out.writeLong(t.lastTime());
            writeDoubles(out, t.values());
            for (double[] c : t.covariates()) {
                out.writeBoolean(c != null);
                if (c != null) {
                    writeDoubles(out, c);
                }
            }
        }
    }

    static List<DirectForecastModel.Tail> readTails(DataInput in, int covariates) throws IOException {
        int series = in.readInt();
        List<DirectForecastModel.Tail> tails = new ArrayList<>(series);
        for (int i = 0; i < series; i++) {
            String key = in.readBoolean() ? in.readUTF() : null;
            long last = in.readLong();
            double[] values = readDoubles(in);
            double[][] cov = new double[covariates][];
            for (int c = 0; c < covariates; c++) {
                cov[c] = in.readBoolean() ? readDoubles(in) : null;
            }
            tails.add(new DirectForecastModel.Tail(key, last, values, cov));
        }
        return tails;
    }

    static void writeInts(DataOutput out, int[] v) throws IOException {
        out.writeInt(v.length);
        for (int x : v) {
            out.writeInt(x);
        }
    }

    static int[] readInts(DataInput in) throws IOException {
        int[] v = new int[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readInt();
        }
        return v;
    }

    static void writeDoubles(DataOutput out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double x : v) {
            out.writeDouble(x);
        }
    }

    static double[] readDoubles(DataInput in) throws IOException {
        double[] v = new double[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }
}
