package org.forecastsql.engine.series;

import org.forecastsql.engine.RData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.forecastsql.engine.series.SeasonDetector.Transform;
import org.junit.jupiter.api.Test;

class SeasonDetectorTest {
    private static final double NA = Double.NaN;

    // R 4.2.2 datasets::AirPassengers (monthly, 1949-1960).

    // R 4.2.2 datasets::USAccDeaths (monthly, 1973-1978).

    // R 4.2.2 datasets::Nile (yearly, 1871-1970).

    @Test
    void acfMatchesR() {
        // R 4.2.2: acf(as.numeric(AirPassengers), lag.max = 24, plot = FALSE)$acf
        double[] air = {1, 0.948047340752492, 0.87557483512535, 0.8066811554965, 0.752625417388308, 0.713769972651965,
            0.681733603331004, 0.66290438636845, 0.655610484325087, 0.670948327924505, 0.702719920909072, 0.743240189006933,
            0.760395042262556, 0.712660870403824, 0.646342279267753, 0.58592342386345, 0.537955190781562, 0.49974752598518,
            0.468734012915087, 0.449870664976662, 0.441628795746046, 0.457223757114159, 0.482482029514439, 0.517126988389118,
            0.532189830465802};
        assertArrayEquals(air, SeasonDetector.acf(RData.AIR_PASSENGERS, 24), 1e-13);
        // R 4.2.2: acf(as.numeric(USAccDeaths), lag.max = 12)
        double[] usa = {1, 0.707470946109741, 0.408592374162251, 0.0835094517985267, -0.181667186717397, -0.294435564754396,
            -0.423103569279272, -0.346061172709842, -0.284640313896272, -0.0647249757204649, 0.16242916307143, 0.413986693300095,
            0.62858918230175};
        assertArrayEquals(usa, SeasonDetector.acf(RData.USACC_DEATHS, 12), 1e-13);
        // R 4.2.2: acf(as.numeric(Nile), lag.max = 10)
        double[] nile = {1, 0.498408184133029, 0.384576903904873, 0.327860437522546, 0.239191169941486, 0.22842198672084,
            0.227300982564721, 0.222046115263292, 0.299961182040464, 0.141739657780826, 0.0897914110039948};
        assertArrayEquals(nile, SeasonDetector.acf(RData.NILE, 10), 1e-13);
        // R 4.2.2: acf(residuals(lm(x ~ seq_along(x))), lag.max = 12), x = AirPassengers
        double[] detrended = {1, 0.728188826846458, 0.288325935138545, -0.0881841726692153, -0.328365530341236,
            -0.393462886689763, -0.406295010319641, -0.38840952275645, -0.328424268683164, -0.110125058264252,
            0.207544891530385, 0.579555765655306, 0.80238943246955};
        assertArrayEquals(detrended, SeasonDetector.acf(SeasonDetector.detrend(RData.AIR_PASSENGERS.clone()), 12), 1e-12);
        assertNull(SeasonDetector.acf(new double[] {3, 3, 3, 3}, 2));
    }

    @Test
    void referenceTestMatchesM4SeasonalityTestOnAirPassengers() {
        // R 4.2.2, M4 Benchmarks.R SeasonalityTest(AirPassengers, 12): clim[12] = 0.502649015723107, |acf[12]| = 0.760395.
        double[] r = SeasonDetector.acf(RData.AIR_PASSENGERS, 12);
        double sumSq = 0;
        for (int k = 1; k < 12; k++) {
            sumSq += r[k] * r[k];
        }
        assertEquals(0.502649015723107, SeasonDetector.limit(sumSq, RData.AIR_PASSENGERS.length), 1e-12);
        assertArrayEquals(new int[] {12}, SeasonDetector.detectAll(RData.AIR_PASSENGERS, new int[] {12}, Transform.RAW, false));
    }

    @Test
    void monthlyDataSetsAreSeasonal() {
        assertEquals(12, SeasonDetector.detect(RData.AIR_PASSENGERS, new int[] {12}));
        assertEquals(12, SeasonDetector.detect(RData.USACC_DEATHS, new int[] {12}));
        assertEquals(1, SeasonDetector.detect(RData.NILE, new int[0]));
        // Too short for the candidate: n must be at least 3m.
        assertEquals(1, SeasonDetector.detect(Arrays.copyOf(RData.AIR_PASSENGERS, 35), new int[] {12}));
        assertEquals(12, SeasonDetector.detect(Arrays.copyOf(RData.AIR_PASSENGERS, 36), new int[] {12}));
    }

    /** level 100 + slope·t + random walk + period-p pattern of amplitude a + yearly sine of amplitude ay + N(0,1). */
    private static double[] daily(long seed, int n, double slope, double rw, double a, double ay) {
        Random r = new Random(seed);
        double[] week = {0.9, -0.4, -0.6, -0.5, -0.2, 0.3, 0.5};
        double[] y = new double[n];
        double walk = 0;
        for (int t = 0; t < n; t++) {
            walk += rw * r.nextGaussian();
            y[t] = 100 + slope * t + walk + a * week[t % 7] / 0.55 + ay * Math.sin(2 * Math.PI * t / 365) + r.nextGaussian();
        }
        return y;
    }

    @Test
    void weeklyPatternInDailyData() {
        int[] daily = {7, 365};
        assertEquals(7, SeasonDetector.detect(daily(1, 730, 0.05, 0, 0.5, 0), daily));
        assertEquals(7, SeasonDetector.detect(daily(2, 730, 0, 1, 1, 0), daily));
        // Three years with a yearly wave three times the noise and a weekly pattern: weekly wins;
        // the yearly wave is too smooth for the lag-365 test (its limit grows with every lag's ACF).
        assertEquals(7, SeasonDetector.detect(daily(3, 1095, 0, 0, 1, 3), daily));
        assertArrayEquals(new int[] {7}, SeasonDetector.detectAll(daily(3, 1095, 0, 0, 1, 3), daily));
    }

    @Test
    void yearlyHolidaySurgeInDailyData() {
        // Three years of noise with a 10-day surge of 5 sd every year: the detrended residuals show it
        // at lag 365 (differences would only see two jumps a year: why AUTO does not difference here).
        double[] y = daily(8, 1095, 0, 0, 0, 0);
        for (int t = 0; t < y.length; t++) {
            if (t % 365 >= 340 && t % 365 < 350) {
                y[t] += 5;
            }
        }
        assertEquals(365, SeasonDetector.detect(y, new int[] {7, 365}));
        assertArrayEquals(new int[0], SeasonDetector.detectAll(y, new int[] {7, 365}, Transform.DIFF, true));
    }

    @Test
    void noSeasonInNoiseRandomWalksAndSmoothWaves() {
        int[] daily = {7, 365};
        assertEquals(1, SeasonDetector.detect(daily(4, 730, 0, 0, 0, 0), daily));
        assertEquals(1, SeasonDetector.detect(daily(5, 730, 0.05, 0, 0, 0), daily));
        double[] walk = daily(6, 730, 0, 1, 0, 0);
        assertEquals(1, SeasonDetector.detect(walk, daily));
        // The raw reference test calls the same random walk weekly: why the default differences a wandering series.
        assertEquals(7, SeasonDetector.detectAll(walk, daily, Transform.RAW, false)[0]);
        // A yearly wave alone: no spurious weekly season.
        assertEquals(1, SeasonDetector.detect(daily(7, 1095, 0, 0, 0, 3), daily));
        int falsePositives = 0;
        for (int seed = 100; seed < 300; seed++) {
            if (SeasonDetector.detect(daily(seed, 730, 0, 0, 0, 0), daily) != 1) {
                falsePositives++;
            }
        }
        // Two one-sided 5% tests: about 10% at most; these 200 seeds give 3.
        assertTrue(falsePositives <= 20, "false positives on white noise: " + falsePositives + " of 200");
    }

    @Test
    void degenerateSeries() {
        double[] constant = new double[100];
        Arrays.fill(constant, 4.2);
        assertEquals(1, SeasonDetector.detect(constant, new int[] {7}));
        double[] allNa = new double[50];
        Arrays.fill(allNa, NA);
        assertEquals(1, SeasonDetector.detect(allNa, new int[] {7}));
        assertEquals(1, SeasonDetector.detect(new double[0], new int[] {7}));
        assertEquals(1, SeasonDetector.detect(RData.AIR_PASSENGERS, new int[] {1, 0, -3}));
        double[] line = new double[100];
        double[] wave = new double[100];
        for (int t = 0; t < 100; t++) {
            line[t] = 1e6 + 0.37 * t;
            wave[t] = 1e6 + 0.37 * t + Math.sin(2 * Math.PI * t / 12);
        }
        assertEquals(1, SeasonDetector.detect(line, new int[] {7, 12}));
        assertEquals(12, SeasonDetector.detect(wave, new int[] {12}));
        // Missing values inside are interpolated before the test.
        double[] holes = RData.AIR_PASSENGERS.clone();
        holes[5] = NA;
        holes[50] = NA;
        holes[51] = NA;
        assertEquals(12, SeasonDetector.detect(holes, new int[] {12}));
        assertEquals(NA, holes[5], "detect must not modify its input");
    }

    @Test
    void strongestCandidateFirst() {
        // 168-hour weekly profile dominating a 24-hour daily one in hourly data.
        Random r = new Random(9);
        double[] y = new double[24 * 7 * 6];
        for (int t = 0; t < y.length; t++) {
            y[t] = 3 * Math.sin(2 * Math.PI * t / 24) + ((t / 24) % 7 >= 5 ? 6 : 0) + r.nextGaussian();
        }
        int[] found = SeasonDetector.detectAll(y, Frequency.HOURLY.seasonCandidates());
        assertEquals(168, found[0], Arrays.toString(found));
        assertEquals(168, SeasonDetector.detect(y, new int[] {24, 168}));
    }

    @Test
    void interpolateMissing() {
        double[] y = {NA, NA, 2, NA, NA, 5, 6, NA};
        assertTrue(SeasonDetector.interpolateMissing(y));
        assertArrayEquals(new double[] {2, 2, 2, 3, 4, 5, 6, 6}, y, 1e-12);
        double[] none = {NA, NA};
        assertFalse(SeasonDetector.interpolateMissing(none));
        assertTrue(Double.isNaN(none[0]) && Double.isNaN(none[1]));
        double[] full = {1, 2};
        assertTrue(SeasonDetector.interpolateMissing(full));
        assertArrayEquals(new double[] {1, 2}, full);
    }
}
