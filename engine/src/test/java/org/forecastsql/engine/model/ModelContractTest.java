package org.forecastsql.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.forecastsql.engine.RData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered model family must keep (DESIGN §3): fit → immutable fitted model
 * → forecasts with nested intervals at any levels, in-sample fitted values, a byte round trip that
 * forecasts identically, determinism, and fitting at its own minimum length.
 */
class ModelContractTest {
    private static final double[] LEVELS = {50, 80, 95};

    /** The local families; the global regression is fitted across series and has its own tests. */
    static Stream<ModelFamily> families() {
        return ModelFamilies.local().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void forecastsHaveNestedIntervals(ModelFamily family) throws Exception {
        TrainingSeries s = TrainingSeries.of(RData.USACC_DEATHS, 12);
        Forecast f = family.fit(s).forecast(24, LEVELS, new double[0][]);
        assertEquals(24, f.horizon());
        assertArrayEquals(LEVELS, f.levels());
        for (int t = 0; t < 24; t++) {
            assertTrue(Double.isFinite(f.mean()[t]), family.method() + " mean at " + t);
            for (int i = 0; i < LEVELS.length; i++) {
                assertTrue(f.lower()[i][t] <= f.mean()[t] && f.mean()[t] <= f.upper()[i][t],
                        family.method() + ": level " + LEVELS[i] + " at step " + t + " does not contain the mean");
                if (i > 0) {
                    assertTrue(f.lower()[i][t] <= f.lower()[i - 1][t] && f.upper()[i][t] >= f.upper()[i - 1][t],
                            family.method() + ": wider level must contain the narrower one at step " + t);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void fittedValuesAlignWithTheSeries(ModelFamily family) throws Exception {
        FittedModel m = family.fit(TrainingSeries.of(RData.NILE, 1));
        double[] fitted = m.fitted();
        assertEquals(RData.NILE.length, fitted.length);
        long finite = Arrays.stream(fitted).filter(Double::isFinite).count();
        assertTrue(finite >= RData.NILE.length - 13, family.method() + " has too few fitted values: " + finite);
        assertEquals(family.method(), m.method());
        assertTrue(!m.description().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void bytesRoundTripForecastsIdentically(ModelFamily family) throws Exception {
        FittedModel m = family.fit(TrainingSeries.of(RData.USACC_DEATHS, 12));
        FittedModel back = ModelCodec.decode(ModelCodec.encode(m));
        Forecast a = m.forecast(13, LEVELS, new double[0][]);
        Forecast b = back.forecast(13, LEVELS, new double[0][]);
        assertArrayEquals(a.mean(), b.mean(), 0);
        for (int i = 0; i < LEVELS.length; i++) {
            assertArrayEquals(a.lower()[i], b.lower()[i], 0);
            assertArrayEquals(a.upper()[i], b.upper()[i], 0);
        }
        assertEquals(m.description(), back.description());
        assertArrayEquals(m.fitted(), back.fitted(), 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void fittingIsDeterministic(ModelFamily family) throws Exception {
        TrainingSeries s = TrainingSeries.of(RData.USACC_DEATHS, 12);
        assertArrayEquals(family.fit(s).forecast(6, LEVELS, new double[0][]).mean(),
                family.fit(s).forecast(6, LEVELS, new double[0][]).mean(), 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void fitsAtItsMinimumLength(ModelFamily family) throws Exception {
        int n = family.minLength(4);
        double[] y = Arrays.copyOf(RData.USACC_DEATHS, n);
        Forecast f = family.fit(TrainingSeries.of(y, 4)).forecast(3, LEVELS, new double[0][]);
        assertTrue(Arrays.stream(f.mean()).allMatch(Double::isFinite), family.method() + " at n = " + n);
    }
}
