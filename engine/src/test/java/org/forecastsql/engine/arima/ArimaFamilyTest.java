package org.forecastsql.engine.arima;

import org.forecastsql.engine.RData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelCodec;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.model.TrainingSeries;
import org.junit.jupiter.api.Test;

/** The family: registration, forecasts and intervals, serialisation, regression with ARIMA errors. */
class ArimaFamilyTest {
    private static final double[] LEVELS = {80, 95};

    @Test
    void registeredAndDescribed() throws Exception {
        assertInstanceOf(ArimaFamily.class, ModelFamilies.byMethod("arima"));
        assertTrue(ModelFamilies.byMethod("arima").usesRegressors());
        FittedModel m = new ArimaFamily().fit(TrainingSeries.of(RData.USACC_DEATHS, 12));
        assertEquals("arima", m.method());
        assertEquals("ARIMA(0,1,1)(0,1,1)[12]", m.description());
        FittedModel lynx = new ArimaFamily().fit(TrainingSeries.of(RData.LYNX, 1));
        assertEquals("ARIMA(2,0,2) with non-zero mean", lynx.description());
    }

    @Test
    void forecastShapesIntervalsAndFitted() throws Exception {
        FittedModel m = new ArimaFamily().fit(TrainingSeries.of(RData.AIR_PASSENGERS, 12));
        Forecast f = m.forecast(24, LEVELS, new double[0][]);
        assertEquals(24, f.horizon());
        for (int t = 0; t < 24; t++) {
            assertTrue(f.lower()[1][t] < f.lower()[0][t] && f.lower()[0][t] < f.mean()[t]);
            assertTrue(f.mean()[t] < f.upper()[0][t] && f.upper()[0][t] < f.upper()[1][t]);
            if (t > 0) {
                assertTrue(f.upper()[1][t] - f.lower()[1][t] >= f.upper()[1][t - 1] - f.lower()[1][t - 1] - 1e-9);
            }
        }
        double[] fitted = m.fitted();
        assertEquals(RData.AIR_PASSENGERS.length, fitted.length);
        // after the diffuse start the one-step fitted values track the data
        double mae = 0;
        for (int t = 24; t < fitted.length; t++) {
            mae += Math.abs(fitted[t] - RData.AIR_PASSENGERS[t]);
        }
        assertTrue(mae / (fitted.length - 24) < 15, "in-sample MAE " + mae / (fitted.length - 24));
    }

    @Test
    void serialisationRoundTripGivesTheSameForecasts() throws Exception {
        for (double[] y : new double[][] {RData.NOTTEM, RData.LYNX, RData.WWWUSAGE}) {
            FittedModel m = new ArimaFamily().fit(TrainingSeries.of(y, y == RData.NOTTEM ? 12 : 1));
            FittedModel back = ModelCodec.decode(ModelCodec.encode(m));
            assertEquals(m.description(), back.description());
            Forecast a = m.forecast(13, LEVELS, new double[0][]);
            Forecast b = back.forecast(13, LEVELS, new double[0][]);
            assertArrayEquals(a.mean(), b.mean());
            assertArrayEquals(a.upper()[1], b.upper()[1]);
            assertArrayEquals(m.fitted(), back.fitted());
        }
    }

    /**
     * R 4.2.2 / forecast 8.20, same synthetic data:
     * {@code auto.arima(y, xreg = x)} gives Regression with ARIMA(2,0,2) errors, xreg 4.0264434,
     * intercept 19.9286678, AICc 531.09884; {@code forecast(f, xreg = c(1,0,0,1,0,0,0))}.
     */
    @Test
    void regressorWithKnownEffectMovesTheForecast() throws Exception {
        int n = 120;
        double[] x = new double[n];
        double[] y = new double[n];
        double u = 0;
        for (int t = 1; t <= n; t++) {
            double noise = ((t * 7919L) % 101) / 10.0 - 5;
            x[t - 1] = t % 7 == 0 ? 1 : 0;
            u = (t > 1 ? 0.5 * u : 0) + noise;
            y[t - 1] = 20 + 4 * x[t - 1] + u;
        }
        TrainingSeries s = new TrainingSeries(y, 1, new double[][] {x}, new String[] {"promo"}, 42L);
        FittedModel m = new ArimaFamily().fit(s);
        assertEquals("Regression with ARIMA(2,0,2) errors", m.description());
        ArimaModel am = (ArimaModel) m;
        assertEquals(4.0264434, am.xregCoef()[1], 2e-3 * 4.03, "promo effect");
        assertEquals(19.9286678, am.xregCoef()[0], 2e-3 * 19.9, "intercept");
        assertEquals(531.09884, am.aicc(), 1e-3 * 531, "AICc");
        double[] rMean = {23.89314833, 19.26009937, 21.045427, 22.76759296, 20.83510437, 19.53099707, 19.76470287};
        double[] rHi95 = {28.02919244, 23.43585619, 25.36296919, 27.25947276, 25.43819372, 24.16224914, 24.39652537};
        double[] future = {1, 0, 0, 1, 0, 0, 0};
        Forecast f = m.forecast(7, LEVELS, new double[][] {future});
        for (int t = 0; t < 7; t++) {
            assertEquals(rMean[t], f.mean()[t], 1e-2, "mean " + t);
            assertEquals(rHi95[t], f.upper()[1][t], 2e-2, "hi95 " + t);
        }
        Forecast none = m.forecast(7, LEVELS, new double[][] {new double[7]});
        assertEquals(am.xregCoef()[1], f.mean()[0] - none.mean()[0], 1e-9);
        assertEquals(0, f.mean()[1] - none.mean()[1], 1e-9);
    }

    /** Fits share no mutable state: one family instance fitting many series on all cores gives the sequential results. */
    @Test
    void parallelFitsEqualSequentialFits() throws Exception {
        ArimaFamily family = new ArimaFamily();
        double[][] data = {RData.AIR_PASSENGERS, RData.USACC_DEATHS, RData.NOTTEM, RData.LDEATHS, RData.LYNX,
            RData.NILE, RData.WWWUSAGE, RData.BJSALES, RData.UKGAS, RData.JOHNSON_JOHNSON, RData.AUSTRES};
        int[] season = {12, 12, 12, 12, 1, 1, 1, 1, 4, 4, 4};
        double[][] sequential = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            sequential[i] = family.fit(TrainingSeries.of(data[i], season[i])).forecast(8, LEVELS, new double[0][]).upper()[1];
        }
        for (int rep = 0; rep < 3; rep++) {
            double[][] parallel = java.util.stream.IntStream.range(0, data.length).parallel().mapToObj(i -> {
                try {
                    return family.fit(TrainingSeries.of(data[i], season[i])).forecast(8, LEVELS, new double[0][]).upper()[1];
                } catch (org.forecastsql.engine.model.ModelFitException e) {
                    throw new IllegalStateException(e);
                }
            }).toArray(double[][]::new);
            for (int i = 0; i < data.length; i++) {
                assertArrayEquals(sequential[i], parallel[i]);
            }
        }
    }
}
