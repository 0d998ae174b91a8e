package org.forecastsql.engine.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.TrainingSeries;
import org.junit.jupiter.api.Test;

/**
 * Long seasons by Fourier terms against R 4.2.2 / forecast 8.20:
 * {@code for (K in 1:10) auto.arima(y, xreg = fourier(y, K), seasonal = FALSE)}, the K with the
 * smallest AICc kept, on a weekly series (frequency 52, 260 weeks) generated in R by
 * <pre>
 * set.seed(52); t &lt;- 1:260; e &lt;- arima.sim(list(ar = 0.6), n = 260, sd = 3)
 * y &lt;- ts(round(100 + 0.05 t + 12 sin(2πt/52) + 6 cos(4πt/52) + 3 sin(6πt/52) + e, 2), frequency = 52)
 * </pre>
 * R chooses K = 3 and "Regression with ARIMA(1,1,2) errors".
 */
class ArimaFourierTest {
    static final double[] WEEKLY = {
        106.32, 112.77, 111.80, 114.83, 119.40, 114.53, 111.83, 110.14, 111.62, 109.88,
        101.90, 103.75, 104.25, 101.33, 104.54, 104.75, 105.06, 106.43, 106.85, 110.04,
        113.73, 112.89, 115.31, 112.98, 109.56, 109.95, 106.89, 107.03, 104.03, 99.12,
        94.79, 89.85, 95.99, 92.43, 89.41, 88.81, 85.86, 88.59, 89.88, 85.07,
        84.13, 89.61, 84.89, 84.26, 85.18, 91.69, 92.34, 96.41, 99.87, 100.87,
        102.60, 102.16, 108.53, 109.27, 113.31, 114.36, 114.65, 112.86, 109.18, 111.90,
        109.59, 105.52, 101.89, 104.88, 103.62, 104.63, 107.12, 106.11, 106.39, 112.31,
        114.47, 118.16, 116.52, 116.47, 114.21, 118.45, 118.89, 111.32, 103.56, 107.48,
        106.25, 103.42, 100.94, 96.87, 94.31, 90.00, 93.73, 93.17, 94.76, 96.62,
        95.99, 96.77, 92.26, 85.57, 90.96, 89.68, 85.40, 91.27, 99.94, 102.45,
        105.63, 107.83, 109.67, 114.67, 118.66, 114.97, 118.41, 119.47, 116.09, 110.34,
        109.90, 109.35, 111.41, 107.20, 102.18, 104.24, 101.15, 103.59, 109.25, 111.72,
        113.55, 118.65, 116.51, 117.79, 114.08, 116.73, 114.46, 109.34, 108.36, 112.01,
        110.14, 111.70, 108.56, 104.95, 104.13, 105.83, 103.53, 93.91, 94.48, 92.61,
        88.92, 93.60, 96.11, 98.44, 102.79, 101.33, 100.17, 98.61, 103.25, 103.37,
        105.27, 103.83, 108.32, 107.19, 111.64, 111.25, 107.56, 109.97, 110.12, 111.76,
        116.48, 116.55, 116.62, 116.50, 117.71, 113.25, 109.05, 110.51, 111.61, 112.47,
        107.71, 111.28, 113.62, 117.63, 119.03, 117.81, 118.09, 117.97, 120.04, 117.38,
        112.84, 114.08, 114.74, 108.36, 102.35, 100.09, 99.22, 98.94, 94.65, 98.18,
        95.81, 100.53, 96.88, 96.36, 98.01, 92.60, 97.19, 92.47, 96.15, 96.80,
        92.01, 93.31, 102.57, 99.76, 106.55, 105.20, 111.70, 118.95, 123.25, 121.23,
        114.60, 115.46, 122.64, 123.98, 122.21, 115.95, 112.49, 114.16, 113.97, 111.44,
        113.23, 110.20, 113.99, 113.98, 113.56, 117.98, 121.82, 124.30, 120.77, 120.84,
        121.59, 121.16, 114.97, 116.74, 108.37, 109.42, 103.68, 108.93, 104.84, 98.88,
        105.36, 100.61, 97.32, 93.65, 97.47, 100.41, 96.00, 100.45, 105.55, 101.72,
        104.78, 102.16, 97.50, 99.69, 104.89, 106.66, 106.85, 109.03, 110.29, 116.80,
    };

    /** R: fit$aicc for K = 1..10 (orders (0,1,0), (2,1,1), (1,1,2), (1,1,2), (2,1,1) x 6). */
    private static final double[] R_AICC = {1386.210782, 1340.468811, 1307.938721, 1312.089185, 1311.837732, 1314.850249, 1318.754890, 1322.655869, 1326.872960, 1331.415513};
    /** R: coef(best): ar1, ma1, ma2, S1-52, C1-52, S2-52, C2-52, S3-52, C3-52. */
    private static final double[] R_COEF = {0.48176154, -0.87830775, -0.06312294, 10.06585250, -0.69387065, 0.26777168, 5.57085837, 3.31015505, -0.00471458};
    private static final double R_SIGMA2 = 8.68894838;
    /** R: forecast(best, xreg = fourier(y, K = 3, h = 52))$mean. */
    private static final double[] R_MEAN = {118.661960, 120.095032, 121.123018, 121.570956, 121.382088, 120.593196, 119.316380, 117.720252, 116.008263, 114.394561, 113.079184, 112.225043, 111.939208, 112.260625, 113.155688, 114.522158, 116.200931, 117.994223, 119.687965, 121.075717, 121.981276, 122.277305, 121.897903, 120.843755, 119.179471, 117.023696, 114.533432, 111.884724, 109.252240, 106.790338, 104.617969, 102.809157, 101.390039, 100.342550, 99.613919, 99.130416, 98.813200, 98.593908, 98.427697, 98.301814, 98.238465, 98.291535, 98.537620, 99.062636, 99.945918, 101.244136, 102.977395, 105.119674, 107.595166, 110.281371, 113.018829, 115.626526};
    /** R: its lower 95% bound. */
    private static final double[] R_LO95 = {112.884569, 113.347207, 114.079908, 114.406949, 114.152744, 113.319108, 112.006106, 110.377639, 108.635145, 106.991859, 105.647393, 104.764457, 104.450024, 104.742993, 105.609736, 106.948001, 108.598679, 110.363981, 112.029835, 113.389803, 114.267677, 114.536120, 114.129231, 113.047692, 111.356114, 109.173139, 106.655768, 103.980048, 101.320642, 98.831910, 96.632802, 94.797339, 93.351659, 92.277695, 91.522676, 91.012871, 90.669437, 90.424012, 90.231751, 90.079901, 89.990666, 90.017931, 90.238293, 90.737664, 91.595379, 92.868109, 94.575958, 96.692902, 99.143136, 101.804158, 104.516507, 107.099170};

    @Test
    void fourierColumnsAsR() {
        double[][] f = FourierTerms.columns(new double[] {52}, new int[] {2}, 0, 260);
        assertArrayEquals(new String[] {"S1-52", "C1-52", "S2-52", "C2-52"}, FourierTerms.names(new double[] {52}, new int[] {2}));
        // R: fourier(y, K = 2)[1, ]
        assertArrayEquals(new double[] {0.120536680255, 0.992708874098, 0.239315664288, 0.970941817426},
                new double[] {f[0][0], f[1][0], f[2][0], f[3][0]}, 1e-11);
        // period 4, K = 2: the sine at 2k/m = 1 is identically zero and dropped (R drops it too)
        assertArrayEquals(new String[] {"S1-4", "C1-4", "C2-4"}, FourierTerms.names(new double[] {4}, new int[] {2}));
        // multiple periods: 7 and 14 share the frequency 1/7, kept once
        assertEquals(4, FourierTerms.columns(new double[] {7, 14}, new int[] {1, 2}, 0, 10).length);
    }

    @Test
    void eachHarmonicCountAsR() throws Exception {
        AutoArima auto = new AutoArima(ArimaFamily.STEADY_TOL);
        for (int k = 1; k <= 10; k++) {
            int[] ks = {k};
            double[][] x = FourierTerms.columns(new double[] {52}, ks, 0, WEEKLY.length);
            AutoArima.Choice c = auto.select(WEEKLY, 1, x, FourierTerms.names(new double[] {52}, ks));
            assertEquals(R_AICC[k - 1], c.ic(), 0.02, "AICc for K = " + k + " (" + c.fit().order().label() + ")");
        }
    }

    @Test
    void weeklyChoosesRsHarmonicsModelAndForecasts() throws Exception {
        // seasons up to ArimaFamily.LONG_SEASON are seasonal ARIMA by default; force Fourier here
        FittedModel m = new ArimaFamily(12, false).fit(TrainingSeries.of(WEEKLY, 52));
        assertEquals("Regression with ARIMA(1,1,2) errors", m.description());
        ArimaModel am = (ArimaModel) m;
        assertArrayEquals(new int[] {3}, am.fourierK());
        assertArrayEquals(new String[] {"S1-52", "C1-52", "S2-52", "C2-52", "S3-52", "C3-52"}, am.xregNames());
        assertArrayEquals(java.util.Arrays.copyOfRange(R_COEF, 3, 9), am.xregCoef(), 0.01);
        assertEquals(R_SIGMA2, am.sigma2(), 1e-3 * R_SIGMA2);
        Forecast f = m.forecast(52, new double[] {95}, new double[0][]);
        assertArrayEquals(R_MEAN, f.mean(), 0.02);
        assertArrayEquals(R_LO95, f.lower()[0], 0.02);
        // the Fourier columns' future comes from the model itself, also after a round trip
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.write(new DataOutputStream(bytes));
        FittedModel back = new ArimaFamily().read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                new ArimaFamily().formatVersion());
        // by default s = 52 is seasonal ARIMA; R: auto.arima(y) gives ARIMA(1,0,0)(1,1,0)[52], AICc 1135.008 (542 s in R)
        AutoArima.Choice seasonal = new AutoArima(ArimaFamily.STEADY_TOL).select(WEEKLY, 52, new double[0][], new String[0]);
        assertEquals("ARIMA(1,0,0)(1,1,0)[52]", seasonal.fit().order().label());
        assertEquals(1135.008, seasonal.ic(), 0.02);
        assertArrayEquals(f.mean(), back.forecast(52, new double[] {95}, new double[0][]).mean(), 0);
    }
}
