package org.forecastsql.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.forecastsql.engine.RData;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;
import org.junit.jupiter.api.Test;

/**
 * Baselines against R 4.2.2 Patched (2022-11-10 r83330), forecast 8.20:
 * {@code naive}, {@code snaive}, {@code meanf}, {@code rwf(drift = TRUE)} with {@code level = c(80, 95)};
 * values printed with {@code sprintf("%.10g")}.
 */
class BaselineGoldenTest {
    private static final double[] LEVELS = {80, 95};

    private static Forecast fit(String method, double[] y, int season, int h) throws ModelFitException {
        return ModelFamilies.byMethod(method).fit(TrainingSeries.of(y, season)).forecast(h, LEVELS, new double[0][]);
    }

    private static void close(double[] expected, double[] actual) {
        assertArrayEquals(expected, actual, 1e-6 * Math.abs(expected[0]));
    }

    @Test
    void naiveMatchesR() throws Exception {
        // naive(USAccDeaths, h = 5)
        Forecast f = fit("naive", RData.USACC_DEATHS, 12, 5);
        close(new double[] {9240, 9240, 9240, 9240, 9240}, f.mean());
        close(new double[] {8304.265577, 7916.671688, 7619.260437, 7368.531154, 7147.634222}, f.lower()[0]);
        close(new double[] {10671.0823, 11263.856, 11718.70726, 12102.16461, 12439.99731}, f.upper()[1]);
    }

    @Test
    void seasonalNaiveMatchesR() throws Exception {
        // snaive(USAccDeaths, h = 15): the second year's intervals widen with floor((h-1)/m)+1
        Forecast f = fit("snaive", RData.USACC_DEATHS, 12, 15);
        close(new double[] {7836, 6892, 7791, 8192, 9115, 9434, 10484, 9827, 9110, 9070, 8633, 9240, 7836, 6892, 7791}, f.mean());
        close(new double[] {7119.093193, 6175.093193, 7074.093193, 7475.093193, 8398.093193, 8717.093193, 9767.093193,
            9110.093193, 8393.093193, 8353.093193, 7916.093193, 8523.093193, 6822.14067, 5878.14067, 6777.14067}, f.lower()[0]);
        close(new double[] {8932.414346, 7988.414346, 8887.414346, 9288.414346, 10211.41435, 10530.41435, 11580.41435,
            10923.41435, 10206.41435, 10166.41435, 9729.414346, 10336.41435, 9386.564039, 8442.564039, 9341.564039}, f.upper()[1]);
    }

    @Test
    void meanMatchesR() throws Exception {
        // meanf(USAccDeaths, h = 3) and meanf(Nile, h = 2): Student t intervals
        Forecast f = fit("mean", RData.USACC_DEATHS, 12, 3);
        close(new double[] {8788.791667, 8788.791667, 8788.791667}, f.mean());
        close(new double[] {7541.279102, 7541.279102, 7541.279102}, f.lower()[0]);
        close(new double[] {10711.71223, 10711.71223, 10711.71223}, f.upper()[1]);
        Forecast nile = fit("mean", RData.NILE, 1, 2);
        close(new double[] {581.8911806, 581.8911806}, nile.lower()[1]);
        close(new double[] {1138.769735, 1138.769735}, nile.upper()[0]);
    }

    @Test
    void driftMatchesR() throws Exception {
        // rwf(USAccDeaths, h = 5, drift = TRUE) and rwf(Nile, h = 4, drift = TRUE)
        Forecast f = fit("drift", RData.USACC_DEATHS, 12, 5);
        close(new double[] {9243.28169, 9246.56338, 9249.84507, 9253.126761, 9256.408451}, f.mean());
        close(new double[] {8294.283361, 7895.189167, 7583.458769, 7315.992033, 7076.235245}, f.lower()[0]);
        close(new double[] {10694.64939, 11313.31189, 11798.36299, 12215.71867, 12590.69564}, f.upper()[1]);
        Forecast nile = fit("drift", RData.NILE, 1, 4);
        close(new double[] {736.1616162, 732.3232323, 728.4848485, 724.6464646}, nile.mean());
        close(new double[] {404.9689936, 261.6100738, 149.1343734, 52.39886187}, nile.lower()[1]);
        close(new double[] {952.7168321, 1040.106023, 1107.301763, 1164.205546}, nile.upper()[0]);
    }
}
