package org.forecastsql.engine.ets;

import org.forecastsql.engine.RData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The ets family as the trainer sees it: registry, serialisation, short and awkward series. */
class EtsFamilyTest {
    private static final double[] LEVELS = {80, 95};

    @Test
    void registeredAndRoundTripsThroughTheCodec() throws Exception {
        assertTrue(ModelFamilies.exists("ets"));
        FittedModel m = ModelFamilies.byMethod("ets").fit(TrainingSeries.of(RData.AIR_PASSENGERS, 12));
        assertEquals("ETS(M,Ad,M)", m.description());
        FittedModel back = ModelCodec.decode(ModelCodec.encode(m));
        Forecast a = m.forecast(24, LEVELS, new double[0][]);
        Forecast b = back.forecast(24, LEVELS, new double[0][]);
        assertArrayEquals(a.mean(), b.mean(), 0);
        assertArrayEquals(a.upper()[1], b.upper()[1], 0);
        assertArrayEquals(m.fitted(), back.fitted(), 0);
        assertEquals(m.description(), back.description());
    }

    @Test
    void fittedValuesAreOneStepForecasts() throws Exception {
        FittedModel m = new EtsFamily().fit(TrainingSeries.of(RData.NILE, 1));
        double[] f = m.fitted();
        assertEquals(RData.NILE.length, f.length);
        for (double v : f) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void shortSeasonalSeriesFallBackToNonSeasonalAsInR() {
        // R 4.2.2, forecast 8.20: ets(ts(AirPassengers[1:k], frequency = 12)): k = 11 (no full
        // season: seasonal forms not tried) -> ETS(A,N,N), AICc 88.53532; k = 20 (seasonal forms
        // tried, lose on AICc) -> ETS(A,N,N), AICc 167.8405.
        EtsFit f11 = AutoEts.ets(Arrays.copyOf(RData.AIR_PASSENGERS, 11), 12);
        assertEquals("ETS(A,N,N)", f11.spec().toString());
        assertEquals(88.53532, f11.aicc(), 1e-5);
        EtsFit f20 = AutoEts.ets(Arrays.copyOf(RData.AIR_PASSENGERS, 20), 12);
        assertEquals("ETS(A,N,N)", f20.spec().toString());
        assertEquals(167.8405, f20.aicc(), 1e-4);
        assertEquals(1, AutoEts.candidates(Arrays.copyOf(RData.AIR_PASSENGERS, 12), 12).stream()
                .filter(s -> s.season() == EtsSpec.NONE && s.error() == EtsSpec.ADD && s.trend() == EtsSpec.NONE).count());
    }

    @Test
    void nonPositiveDataNeverGetsMultiplicativeError() throws Exception {
        double[] y = RData.USACC_DEATHS.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] -= 9000;
        }
        FittedModel m = new EtsFamily().fit(TrainingSeries.of(y, 12));
        assertTrue(m.description().startsWith("ETS(A"), m.description());
        for (EtsSpec s : AutoEts.candidates(y, 12)) {
            assertFalse(s.error() == EtsSpec.MULT || s.season() == EtsSpec.MULT, s.toString());
        }
    }

    @Test
    void candidateSetIsRsDefault() {
        assertEquals(15, AutoEts.candidates(RData.AIR_PASSENGERS, 12).size());
        assertEquals(6, AutoEts.candidates(RData.NILE, 1).size());
        assertEquals(6, AutoEts.candidates(RData.AIR_PASSENGERS, 25).size(), "m > 24: no seasonal forms");
    }

    @Test
    void constantSeriesGivesAFlatForecast() throws Exception {
        double[] y = new double[30];
        Arrays.fill(y, 5);
        Forecast f = new EtsFamily().fit(TrainingSeries.of(y, 12)).forecast(6, LEVELS, new double[0][]);
        for (int t = 0; t < 6; t++) {
            assertEquals(5, f.mean()[t], 0);
            assertEquals(5, f.lower()[1][t], 0);
        }
    }

    @Test
    void tooShortSeriesIsAFitException() {
        assertThrows(ModelFitException.class, () -> new EtsFamily().fit(TrainingSeries.of(new double[] {1, 2, 3}, 1)));
        assertEquals(7, new EtsFamily().minLength(12));
    }
}
