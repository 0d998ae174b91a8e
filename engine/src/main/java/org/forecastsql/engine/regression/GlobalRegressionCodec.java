package org.forecastsql.engine.regression;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.forecastsql.engine.features.FeatureSpec;

/**
 * The state layout of a {@link GlobalRegressionModel}, format version 1: the feature spec and
 * feature names ({@link DirectModelCodec}), step-bucket edges, coefficients, importance, training
 * rows, then the interval grids and the series tails ({@link DirectModelCodec}).
 */
final class GlobalRegressionCodec {
    private GlobalRegressionCodec() {
    }

    /** Writes the state of {@code m} (without magic and version). */
    static void write(GlobalRegressionModel m, DataOutput out) throws IOException {
        DirectModelCodec.writeSpec(out, m.spec);
        DirectModelCodec.writeInts(out, m.edges);
        for (double[] c : m.coef) {
            DirectModelCodec.writeDoubles(out, c);
        }
        DirectModelCodec.writeDoubles(out, m.importance);
        out.writeLong(m.rows);
        DirectModelCodec.writeIntervals(out, m.levelCuts, m.quantiles);
        DirectModelCodec.writeTails(out, m.tails);
    }

    /** Reads a state written by {@link #write}. */
    static GlobalRegressionModel read(DataInput in, int version) throws IOException {
        FeatureSpec spec = DirectModelCodec.readSpec(in, "global regression");
        int[] edges = DirectModelCodec.readInts(in);
        double[][] coef = new double[edges.length - 1][];
        for (int b = 0; b < coef.length; b++) {
            coef[b] = DirectModelCodec.readDoubles(in);
        }
        double[] importance = DirectModelCodec.readDoubles(in);
        long rows = in.readLong();
        ResidualCalibration.Grids grids = DirectModelCodec.readIntervals(in, spec.horizon());
        List<DirectForecastModel.Tail> tails = DirectModelCodec.readTails(in, spec.covariates().size());
        return new GlobalRegressionModel(spec, edges, coef, importance, rows, grids.cuts(), grids.quantiles(), tails);
    }
}
