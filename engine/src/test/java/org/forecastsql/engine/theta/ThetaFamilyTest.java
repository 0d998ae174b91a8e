package org.forecastsql.engine.theta;

import org.forecastsql.engine.RData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelCodec;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;
import org.junit.jupiter.api.Test;

/** The theta family as the trainer sees it: registry, serialisation, short series. */
class ThetaFamilyTest {
    private static final double[] LEVELS = {80, 95};

    @Test
    void registeredAndRoundTripsThroughTheCodec() throws Exception {
        assertTrue(ModelFamilies.exists("theta"));
        FittedModel m = ModelFamilies.byMethod("theta").fit(TrainingSeries.of(RData.USACC_DEATHS, 12));
        FittedModel back = ModelCodec.decode(ModelCodec.encode(m));
        Forecast a = m.forecast(30, LEVELS, new double[0][]);
        Forecast b = back.forecast(30, LEVELS, new double[0][]);
        assertArrayEquals(a.mean(), b.mean(), 0);
        assertArrayEquals(a.lower()[0], b.lower()[0], 0);
        assertArrayEquals(m.fitted(), back.fitted(), 0);
        assertEquals(m.description(), back.description());
    }

    @Test
    void seasonalSeriesNoLongerThanTwoSeasonsIsTreatedAsNonSeasonal() throws Exception {
        double[] y = Arrays.copyOf(RData.AIR_PASSENGERS, 24);
        FittedModel m = new ThetaFamily().fit(TrainingSeries.of(y, 12));
        assertTrue(!m.description().contains("seasonal"), m.description());
    }

    @Test
    void tooShortSeriesIsAFitException() {
        assertThrows(ModelFitException.class, () -> new ThetaFamily().fit(TrainingSeries.of(new double[] {1, 2, 3}, 1)));
    }
}
