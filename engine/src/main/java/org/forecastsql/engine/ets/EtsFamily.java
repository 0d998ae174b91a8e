package org.forecastsql.engine.ets;

import java.io.DataInput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * The {@code ets} family: R's {@code forecast::ets(y)} per series (see {@link AutoEts}).
 *
 * <p>Needs 7 observations (with fewer, R switches to {@code HoltWinters}-style fits, which this
 * family does not reproduce). Seasonal forms are tried only when the series is longer than
 * one season and the season is at most 24, and each is dropped when it has too many
 * parameters for the data, so short seasonal series fall back to non-seasonal forms inside the
 * family, as in R. A constant series gets R's answer for it: a flat forecast with zero variance.
 */
public final class EtsFamily implements ModelFamily {
    private static final int MIN_LENGTH = 7;

    @Override
    public String method() {
        return "ets";
    }

    @Override
    public int minLength(int season) {
        return MIN_LENGTH;
    }

    @Override
    public FittedModel fit(TrainingSeries series) throws ModelFitException {
        double[] y = series.y();
        if (y.length < MIN_LENGTH) {
            throw new ModelFitException("ets needs at least " + MIN_LENGTH + " observations, got " + y.length);
        }
        if (isConstant(y)) {
            return new EtsModel(constant(y));
        }
        try {
            return new EtsModel(AutoEts.ets(y, series.season()));
        } catch (RuntimeException e) {
            throw new ModelFitException("ets: " + e.getMessage(), e);
        }
    }

    @Override
    public FittedModel read(DataInput in, int formatVersion) throws IOException {
        return EtsModel.read(in);
    }

    private static boolean isConstant(double[] y) {
        for (double v : y) {
            if (v != y[0]) {
                return false;
            }
        }
        return true;
    }

    /** R: {@code ses(y, alpha = 0.99999, initial = "simple")}: level y[0], no error. */
    private static EtsFit constant(double[] y) {
        int n = y.length;
        double[] fitted = new double[n];
        java.util.Arrays.fill(fitted, y[0]);
        return new EtsFit(new EtsSpec(EtsSpec.ADD, EtsSpec.NONE, false, EtsSpec.NONE), 1, 0.99999, 0, 0, 1,
                new double[] {y[0]}, new double[] {y[0]}, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0,
                fitted, new double[n]);
    }
}
