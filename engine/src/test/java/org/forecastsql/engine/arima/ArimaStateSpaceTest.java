package org.forecastsql.engine.arima;

import org.forecastsql.engine.RData;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The fast likelihood paths against the plain Kalman filter (R's ARIMA_Like). */
class ArimaStateSpaceTest {

    @Test
    void chandrasekharEqualsKalmanOnStationaryArma() {
        double[] y = RData.LYNX.clone();
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        for (int i = 0; i < y.length; i++) {
            y[i] -= mean;
        }
        // the last case is nearly non-stationary: its first innovation variance exceeds 1e4 and does not count (as R)
        double[][] cases = {{1.3, -0.6}, {0.5}, {}, {0.2, 0.1, -0.3}, {1.9592, -0.9604}};
        double[][] mas = {{-0.2, -0.25}, {0.4, 0.3, 0.2}, {0.7}, {}, {}};
        for (int c = 0; c < cases.length; c++) {
            ArimaStateSpace ss = new ArimaStateSpace(cases[c], mas[c], new double[0]);
            ArimaStateSpace.Likelihood full = ss.like(y, null, 0);
            ArimaStateSpace.Likelihood fast = ArimaStateSpace.armaLike(y, 0, cases[c], mas[c], 0);
            assertEquals(full.nu(), fast.nu(), "nu " + c);
            assertEquals(full.ssq(), fast.ssq(), 1e-9 * full.ssq(), "ssq " + c);
            assertEquals(full.sumlog(), fast.sumlog(), 1e-9 * Math.max(1, Math.abs(full.sumlog())), "sumlog " + c);
            ArimaStateSpace.Likelihood steady = ArimaStateSpace.armaLike(y, 0, cases[c], mas[c], 1e-9);
            assertEquals(full.objective(), steady.objective(), 1e-8, "steady " + c);
        }
    }

    @Test
    void seasonalDifferencedLikelihoodEqualsDiffuseKalman() {
        ArimaOrder o = new ArimaOrder(1, 1, 1, 1, 1, 1, 12);
        double[] par = {0.3, -0.5, 0.2, -0.6};
        double[][] tp = ArimaTransforms.transPars(par, o, false);
        double[] y = RData.log(RData.AIR_PASSENGERS);
        ArimaStateSpace ss = new ArimaStateSpace(tp[0], tp[1], ArimaTransforms.delta(o));
        ArimaStateSpace.Likelihood full = ss.like(y, null, 0);
        double[] w = ArimaEstimator.difference(y, o);
        ArimaStateSpace.Likelihood fast = ArimaStateSpace.armaLike(w, 0, tp[0], tp[1], 0);
        assertEquals(full.nu(), fast.nu());
        // R's kappa = 1e6 prior on the 13 differencing states is not quite diffuse: O(y²/kappa)
        assertEquals(full.objective(), fast.objective(), 1e-5 * Math.abs(full.objective()));
    }
}
