package org.forecastsql.engine.arima;

import org.forecastsql.engine.RData;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Unit-root and seasonal-strength decisions against R 4.2.2 / forecast 8.20 / urca:
 * {@code ur.kpss(x, type = "mu", use.lag = trunc(3*sqrt(n)/13))@teststat}, {@code ndiffs(x)},
 * {@code forecast:::seas.heuristic(x)}, {@code nsdiffs(x)}, {@code stl(USAccDeaths, s.window = 11)}.
 */
class DifferencingTest {

    @Test
    void kpssStatisticAndNdiffsMatchR() {
        assertEquals(1.315226463, Differencing.kpss(RData.NILE), 1e-8);
        assertEquals(0.06946508209, Differencing.kpss(RData.LYNX), 1e-9);
        assertEquals(0.7219743181, Differencing.kpss(RData.WWWUSAGE), 1e-8);
        assertEquals(4.313622008, Differencing.kpss(RData.BJSALES), 1e-8);
        assertEquals(1, Differencing.ndiffs(RData.NILE, 2));
        assertEquals(0, Differencing.ndiffs(RData.LYNX, 2));
        assertEquals(1, Differencing.ndiffs(RData.WWWUSAGE, 2));
        assertEquals(1, Differencing.ndiffs(RData.BJSALES, 2));
    }

    @Test
    void seasonalStrengthMatchesR() {
        assertEquals(0.9406724903, Differencing.seasonalStrength(RData.AIR_PASSENGERS, 12), 1e-6);
        assertEquals(0.9447944649, Differencing.seasonalStrength(RData.USACC_DEATHS, 12), 1e-6);
        assertEquals(0.9830947826, Differencing.seasonalStrength(RData.UKGAS, 4), 1e-6);
        assertEquals(0.9534244932, Differencing.seasonalStrength(RData.NOTTEM, 12), 1e-6);
        assertEquals(0.8209060452, Differencing.seasonalStrength(RData.JOHNSON_JOHNSON, 4), 1e-6);
        assertEquals(0.8882933228, Differencing.seasonalStrength(RData.LDEATHS, 12), 1e-6);
        assertEquals(1, Differencing.nsdiffs(RData.LDEATHS, 12));
    }

    @Test
    void stlMatchesR() {
        double[][] d = Stl.decompose(RData.USACC_DEATHS, 12, 11);
        double[] seasonal = {-860.4495, -1572.2237, -757.59074, -550.04788, 316.92211, 855.84094};
        double[] trend = {9988.949, 9920.4817, 9852.0144, 9783.5471, 9708.035, 9632.523};
        for (int t = 0; t < 6; t++) {
            assertEquals(seasonal[t], d[0][t], 1e-3, "seasonal " + t);
            assertEquals(trend[t], d[1][t], 1e-2, "trend " + t);
        }
    }
}
