package org.forecastsql.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.forecastsql.engine.RData;
import org.junit.jupiter.api.Test;

class AccuracyTest {
    private static final double NA = Double.NaN;

    @Test
    void handComputedPoints() {
        // actual 10, 20, 0 (and one missing); forecast 12, 15, 1; scale 5.
        // errors -2, 5, -1; |e| 2, 5, 1 → MAE 8/3, RMSE sqrt(30/3), MAPE mean(20, 25) = 22.5 (zero actual skipped),
        // sMAPE mean(200·2/22, 200·5/35, 200·1/1) = (18.1818… + 28.5714… + 200)/3, MASE (8/3)/5,
        // WAPE 8/30, BIAS mean(2, -5, 1) = -2/3; 80% interval [9, 16] covers 10 and 15? actual 20 no → 1 of 3 (0 in [0,2]) = 2/3
        Accuracy a = new Accuracy();
        a.add(10, 12, 5, 9, 16, 8, 18);
        a.add(20, 15, 5, 9, 16, 8, 21);
        a.add(0, 1, 5, 0, 2, -1, 3);
        a.add(NA, 3, 5, 0, 1, 0, 1);
        Metrics m = a.result();
        assertEquals(3, m.n());
        assertEquals(1, m.missing());
        assertEquals(8.0 / 3, m.mae(), 1e-12);
        assertEquals(Math.sqrt(10), m.rmse(), 1e-12);
        assertEquals(22.5, m.mape(), 1e-12);
        assertEquals((400.0 / 22 + 1000.0 / 35 + 200) / 3, m.smape(), 1e-12);
        assertEquals(8.0 / 15, m.mase(), 1e-12);
        assertEquals(8.0 / 30, m.wape(), 1e-12);
        assertEquals(-2.0 / 3, m.bias(), 1e-12);
        assertEquals(2.0 / 3, m.coverage80(), 1e-12);
        assertEquals(1.0, m.coverage95(), 1e-12);
    }

    @Test
    void bothZeroScoresZeroSmape() {
        Accuracy a = new Accuracy();
        a.add(0, 0, 1, NA, NA, NA, NA);
        assertEquals(0, a.result().smape());
        assertTrue(Double.isNaN(a.result().coverage80()));
    }

    @Test
    void matchesRAccuracyOnNileHoldout() {
        // R 4.2.2, forecast 8.20: accuracy(snaive(window(Nile, end = 1960), h = 10), window(Nile, start = 1961))
        // Test set: RMSE 152.9536, MAE 128, MAPE 13.90215, MASE 0.9678022 (Nile has frequency 1: naive scale).
        double[] train = Arrays.copyOf(RData.NILE, 90);
        double[] test = Arrays.copyOfRange(RData.NILE, 90, 100);
        double scale = Accuracy.maseScale(train, 1);
        Accuracy a = new Accuracy();
        for (double y : test) {
            a.add(y, train[89], scale, NA, NA, NA, NA);
        }
        Metrics m = a.result();
        assertEquals(128, m.mae(), 1e-9);
        assertEquals(152.9536, m.rmse(), 1e-4);
        assertEquals(13.90215, m.mape(), 1e-5);
        assertEquals(0.9678022, m.mase(), 1e-7);
    }

    @Test
    void maseScaleUsesTheSeasonWhenTheSeriesIsLongEnough() {
        double[] y = {1, 2, 3, 1, 2, 4};
        assertEquals((0 + 0 + 1) / 3.0, Accuracy.maseScale(y, 3), 1e-12);
        // not longer than the season: falls back to lag 1 (M4's rule)
        assertEquals((1 + 1) / 2.0, Accuracy.maseScale(new double[] {1, 2, 3}, 3), 1e-12);
    }
}
