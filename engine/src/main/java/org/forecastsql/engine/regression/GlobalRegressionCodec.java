package org.forecastsql.engine.regression;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.engine.features.FeatureBuilder;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.TimeKind;

/**
 * The state layout of a {@link GlobalRegressionModel}, format version 1: the feature spec
 * (horizon, season, windows, calendar, covariates with their relative flags, log target, time
 * kind), the feature names (checked on read, so a driver that computes features differently
 * refuses the state), step-bucket edges, coefficients, importance, training rows, level cuts,
 * residual quantile grids, then each series' key, last time, tail values and relative-covariate tails.
 */
final class GlobalRegressionCodec {
    private GlobalRegressionCodec() {
    }

    /** Writes the state of {@code m} (without magic and version). */
    static void write(GlobalRegressionModel m, DataOutput out) throws IOException {
        FeatureSpec spec = m.spec;
        out.writeInt(spec.horizon());
        out.writeInt(spec.season());
        writeInts(out, spec.windows());
        spec.calendar().write(out);
        out.writeInt(spec.covariates().size());
        for (String c : spec.covariates()) {
            out.writeUTF(c);
            out.writeBoolean(spec.relativeCovariates().contains(c));
        }
        out.writeBoolean(spec.logTarget());
        out.writeUTF(spec.timeKind().name());
        out.writeInt(m.builder.width());
        for (String name : m.builder.names()) {
            out.writeUTF(name);
        }
        writeInts(out, m.edges);
        for (double[] c : m.coef) {
            writeDoubles(out, c);
        }
        writeDoubles(out, m.importance);
        out.writeLong(m.rows);
        writeDoubles(out, m.levelCuts);
        for (double[][] bucket : m.quantiles) {
            for (double[] g : bucket) {
                writeDoubles(out, g);
            }
        }
        out.writeInt(m.tails.size());
        for (GlobalRegressionModel.Tail t : m.tails) {
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

    /** Reads a state written by {@link #write}. */
    static GlobalRegressionModel read(DataInput in, int version) throws IOException {
        int horizon = in.readInt();
        int season = in.readInt();
        int[] windows = readInts(in);
        HolidayCalendar calendar = HolidayCalendar.read(in);
        int nc = in.readInt();
        List<String> covariates = new ArrayList<>();
        Set<String> relative = new HashSet<>();
        for (int c = 0; c < nc; c++) {
            String name = in.readUTF();
            covariates.add(name);
            if (in.readBoolean()) {
                relative.add(name);
            }
        }
        boolean logTarget = in.readBoolean();
        TimeKind kind = TimeKind.valueOf(in.readUTF());
        FeatureSpec spec = new FeatureSpec(horizon, season, windows, calendar, covariates, relative, logTarget, kind);
        int p = in.readInt();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add(in.readUTF());
        }
        if (!names.equals(new FeatureBuilder(spec).names())) {
            throw new IOException("global regression state lists features " + names
                    + " that this driver does not compute the same way");
        }
        int[] edges = readInts(in);
        double[][] coef = new double[edges.length - 1][];
        for (int b = 0; b < coef.length; b++) {
            coef[b] = readDoubles(in);
        }
        double[] importance = readDoubles(in);
        long rows = in.readLong();
        double[] cuts = readDoubles(in);
        double[][][] quantiles = new double[cuts.length + 1][horizon][];
        for (double[][] bucket : quantiles) {
            for (int k = 0; k < horizon; k++) {
                bucket[k] = readDoubles(in);
            }
        }
        int series = in.readInt();
        List<GlobalRegressionModel.Tail> tails = new ArrayList<>(series);
        for (int i = 0; i < series; i++) {
            String key = in.readBoolean() ? in.readUTF() : null;
            long last = in.readLong();
            double[] values = readDoubles(in);
            double[][] cov = new double[nc][];
            for (int c = 0; c < nc; c++) {
                cov[c] = in.readBoolean() ? readDoubles(in) : null;
            }
            tails.add(new GlobalRegressionModel.Tail(key, last, values, cov));
        }
        return new GlobalRegressionModel(spec, edges, coef, importance, rows, cuts, quantiles, tails);
    }

    private static void writeInts(DataOutput out, int[] v) throws IOException {
        out.writeInt(v.length);
        for (int x : v) {
            out.writeInt(x);
        }
    }

    private static int[] readInts(DataInput in) throws IOException {
        int[] v = new int[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readInt();
        }
        return v;
    }

    private static void writeDoubles(DataOutput out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double x : v) {
            out.writeDouble(x);
        }
    }

    private static double[] readDoubles(DataInput in) throws IOException {
        double[] v = new double[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }
}
