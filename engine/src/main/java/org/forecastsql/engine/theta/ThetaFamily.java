package org.forecastsql.engine.theta;

import java.io.DataInput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * The {@code theta} family: R's {@code forecast::thetaf} per series. Series of 7 or more
 * observations (R's {@code ses} optimises only beyond {@code npars + 4 = 6}); seasonality is
 * used only when the series is longer than two seasons and the test finds it.
 */
public final class ThetaFamily implements ModelFamily {

    @Override
    public String method() {
        return "theta";
    }

    @Override
    public int minLength(int season) {
        return 7;
    }

    @Override
    public FittedModel fit(TrainingSeries series) throws ModelFitException {
        if (series.length() < minLength(series.season())) {
            throw new ModelFitException("theta needs at least " + minLength(series.season())
                    + " observations, got " + series.length());
        }
        try {
            return new ThetaModel(ThetaKernel.thetaf(series.y(), series.season()));
        } catch (RuntimeException e) {
            throw new ModelFitException("theta: " + e.getMessage(), e);
        }
    }

    @Override
    public FittedModel read(DataInput in, int formatVersion) throws IOException {
        return ThetaModel.read(in);
    }
}
