package org.forecastsql.engine.ensemble;

import java.io.DataInput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * The registry entry of the ensemble ({@code methods=ensemble}): the trainer builds it from its
 * members' backtests ({@link EnsembleBuilder}); this entry reads stored ensembles back.
 */
public final class EnsembleFamily implements ModelFamily {
    public static final String METHOD = "ensemble";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public int minLength(int season) {
        return 3;
    }

    @Override
    public boolean isComposite() {
        return true;
    }

    @Override
    public FittedModel fit(TrainingSeries series) throws ModelFitException {
        throw new ModelFitException("the ensemble is built from its members' backtests by the trainer");
    }

    @Override
    public FittedModel read(DataInput in, int formatVersion) throws IOException {
        return EnsembleModel.read(in);
    }
}
