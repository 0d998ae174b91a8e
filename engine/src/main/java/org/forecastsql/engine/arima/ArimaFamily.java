package org.forecastsql.engine.arima;

import java.io.DataInput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * The {@code arima} family: automatic ARIMA as R's {@code forecast::auto.arima}, with
 * regression on the training regressors ({@code auto.arima(xreg = …)}) when the series has any.
 * Stateless and thread-safe: every fit allocates its own work arrays.
 */
public final class ArimaFamily implements ModelFamily {
    /**
     * Relative change of the predicted state covariance below which the Kalman filter switches to
     * its steady state (see {@link ArimaStateSpace#like}); changes log-likelihoods by far less than
     * the optimiser's tolerance.
     */
    static final double STEADY_TOL = 1e-9;

    private final AutoArima auto = new AutoArima(STEADY_TOL);

    @Override
    public String method() {
        return "arima";
    }

    @Override
    public int minLength(int season) {
        return 3;
    }

    @Override
    public boolean usesRegressors() {
        return true;
    }

    @Override
    public FittedModel fit(TrainingSeries series) throws ModelFitException {
        double[] y = series.y();
        AutoArima.Choice c = auto.select(y, series.season(), series.xreg(), series.xregNames());
        return ArimaModel.of(c.fit(), c.sigma2(), y, c.ic());
    }

    @Override
    public FittedModel read(DataInput in, int formatVersion) throws IOException {
        if (formatVersion != 1) {
            throw new IOException("arima model state format " + formatVersion + " is not supported");
        }
        return ArimaModel.read(in);
    }
}
