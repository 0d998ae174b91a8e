package org.forecastsql.engine.theta;

import org.forecastsql.engine.RData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.TrainingSeries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Golden values from R 4.2.2, forecast 8.20: {@code f <- thetaf(y, h = 8)}; alpha, drift and
 * sigma2 from {@code f$model}, forecasts {@code f$mean}, {@code f$lower[, 1]} (80%) and
 * {@code f$upper[, 2]} (95%). Tolerance 1e-6 relative on everything: the Nelder-Mead port
 * follows R's path step for step, so the values agree to the 10 digits R printed (checked at
 * 1e-8); 1e-6 leaves room for floating-point summation order only.
 */
class ThetaKernelTest {
    static java.util.stream.Stream<Arguments> cases() {
        return java.util.stream.Stream.of(                Arguments.of("AirPassengers", RData.AIR_PASSENGERS, 12, 0.8377520899, 1.323069629, 115.6926324,
                        new double[] {440.0781911, 428.3842806, 489.7070987, 475.7046277, 479.6703887, 545.3662722, 602.7520018, 601.1007631},
                        new double[] {426.2937571, 410.4019142, 468.3360814, 451.4131629, 452.773732, 516.0953818, 571.2855133, 567.5821894},
                        new double[] {461.1596636, 455.8859366, 522.3912491, 512.8552171, 520.8052753, 590.1322358, 650.8758432, 652.3629979}),
                Arguments.of("USAccDeaths", RData.USACC_DEATHS, 12, 0.5517026116, -5.84963393, 68158.56473,
                        new double[] {8270.693806, 7508.923867, 8322.124807, 8554.143505, 9450.092974, 9870.93362, 10822.49773, 10091.84071},
                        new double[] {7936.116636, 7126.805718, 7897.758601, 8091.370263, 8951.864642, 9339.610867, 10260.02438, 9499.853661},
                        new double[] {8782.385432, 8093.323145, 8971.136913, 9261.894104, 10212.06745, 10683.52165, 11682.72648, 10997.20676}),
                Arguments.of("Nile", RData.NILE, 1, 0.2456681537, -1.357152715, 20802.80039,
                        new double[] {799.8119962, 798.4548435, 797.0976908, 795.7405381, 794.3833854, 793.0262326, 791.6690799, 790.3119272},
                        new double[] {614.9715593, 608.1182954, 601.4193426, 594.86239, 588.4366816, 582.1327543, 575.9422304, 569.8576507},
                        new double[] {1082.50105, 1089.549474, 1096.361899, 1102.957154, 1109.351689, 1115.559975, 1121.594825, 1127.467648}),
                Arguments.of("UKgas", RData.UKGAS, 4, 0.2374290813, 2.8087528, 5996.956865,
                        new double[] {999.7439171, 660.097642, 387.1894672, 718.360743, 1016.076373, 670.8375553, 393.4635927, 729.9542934},
                        new double[] {900.5005369, 558.0953088, 282.5008652, 611.0530972, 906.2121006, 558.4748137, 278.6567412, 612.7542909},
                        new double[] {1151.523569, 816.0967485, 547.2968676, 882.4736251, 1184.099277, 842.6815395, 569.0455203, 909.1962296}),
                Arguments.of("WWWusage", RData.WWWUSAGE, 1, 0.9998999318, 0.3093969397, 33.98595713,
                        new double[] {220.3096281, 220.619025, 220.928422, 221.2378189, 221.5472158, 221.8566128, 222.1660097, 222.4754067},
                        new double[] {212.8385059, 210.0537914, 207.988922, 206.296696, 204.8426162, 203.5577017, 202.4009739, 201.3457323},
                        new double[] {231.7357234, 236.7771555, 240.7176794, 244.0882945, 247.0946964, 249.8423822, 252.3940235, 254.7904549}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesRThetaf(String name, double[] y, int m, double alpha, double drift, double sigma2,
                        double[] mean, double[] lo80, double[] hi95) throws Exception {
        ThetaKernel.Params p = ThetaKernel.thetaf(y, m);
        assertEquals(alpha, p.alpha(), 1e-6 * Math.abs(alpha), "alpha");
        assertEquals(drift, p.drift(), 1e-6 * Math.abs(drift), "drift");
        assertEquals(sigma2, p.sigma2(), 1e-6 * sigma2, "sigma2");
        Forecast f = new ThetaFamily().fit(TrainingSeries.of(y, m)).forecast(8, new double[] {80, 95}, new double[0][]);
        for (int t = 0; t < 8; t++) {
            assertEquals(mean[t], f.mean()[t], 1e-6 * Math.abs(mean[t]), "mean " + t);
            assertEquals(lo80[t], f.lower()[0][t], 1e-6 * Math.abs(lo80[t]), "lo80 " + t);
            assertEquals(hi95[t], f.upper()[1][t], 1e-6 * Math.abs(hi95[t]), "hi95 " + t);
        }
    }

    @Test
    void seasonalityTestAsR() {
        // R: thetaf's test is seasonal for AirPassengers, USAccDeaths and UKgas.
        assertTrue(ThetaKernel.seasonalityTest(RData.AIR_PASSENGERS, 12));
        assertTrue(ThetaKernel.seasonalityTest(RData.USACC_DEATHS, 12));
        assertTrue(ThetaKernel.seasonalityTest(RData.UKGAS, 4));
        assertFalse(ThetaKernel.seasonalityTest(RData.NILE, 1));
    }
}
