package org.forecastsql.engine.regression;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.forecastsql.engine.features.FeatureSpec;

/**
 * The state layout of a {@link GbtRegressionModel}, format version 1: the feature spec and
 * feature names ({@link DirectModelCodec}), the boosting settings (trees, depth, learning rate,
 * subsample, seed), the booster's own bytes ({@link BoostedTrees#toBytes()}, length-prefixed), the
 * gain importance, training rows, then the interval grids and the series tails.
 */
final class GbtRegressionCodec {
    private GbtRegressionCodec() {
    }

    static void write(GbtRegressionModel m, DataOutput out) throws IOException {
        DirectModelCodec.writeSpec(out, m.spec);
        GbtRegression.Options o = m.options;
        out.writeInt(o.trees());
        out.writeInt(o.depth());
        out.writeDouble(o.learningRate());
        out.writeDouble(o.subsample());
        out.writeLong(o.seed());
        byte[] booster = m.trees.toBytes();
        out.writeInt(booster.length);
        out.write(booster);
        DirectModelCodec.writeDoubles(out, m.gain);
        out.writeLong(m.rows);
        DirectModelCodec.writeIntervals(out, m.levelCuts, m.quantiles);
        DirectModelCodec.writeTails(out, m.tails);
    }

    static GbtRegressionModel read(DataInput in, int version) throws IOException {
        FeatureSpec spec = DirectModelCodec.readSpec(in, "gradient-boosted regression");
        int trees = in.readInt();
        int depth = in.readInt();
        double rate = in.readDouble();
        double subsample = in.readDouble();
        long seed = in.readLong();
        GbtRegression.Options options = new GbtRegression.Options(spec, trees, depth, rate, subsample, 1, seed);
        int length = in.readInt();
        if (length < 0 || length > (1 << 30)) {
            throw new IOException("corrupt gradient-boosted regression state: booster of " + length + " bytes");
        }
        byte[] booster = new byte[length];
        in.readFully(booster);
        double[] gain = DirectModelCodec.readDoubles(in);
        long rows = in.readLong();
        ResidualCalibration.Grids grids = DirectModelCodec.readIntervals(in, spec.horizon());
        List<DirectForecastModel.Tail> tails = DirectModelCodec.readTails(in, spec.covariates().size());
        return new GbtRegressionModel(spec, options, BoostedTrees.fromBytes(booster), gain, rows, grids.cuts(),
                grids.quantiles(), tails);
    }
}
