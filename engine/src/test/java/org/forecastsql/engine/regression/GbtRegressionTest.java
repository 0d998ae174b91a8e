package org.forecastsql.engine.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.GlobalFamily;
import org.forecastsql.engine.model.GlobalModel;
import org.forecastsql.engine.model.ModelFitException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code learner=gbt}: the boosted-tree learner of the global regression on the retail generator. */
class GbtRegressionTest {
    static final int H = GlobalRegressionTest.H;
    static final double[] LEVELS = {80, 95};
    static List<RetailGenerator.Sku> skus;
    static GbtRegressionModel model;

    @BeforeAll
    static void fit() throws ModelFitException {
        skus = RetailGenerator.generate(120, LocalDate.parse("2026-02-28"), 3 * 365, 42);
        model = GbtRegression.fit(GlobalRegressionTest.training(skus, H),
                GbtRegression.Options.of(GlobalRegressionTest.spec()).withThreads(1));
    }

    @Test
    void beatsSeasonalNaiveClearlyOnAFestivalHoldoutWithCalibratedIntervals() {
        HoldoutScore score = HoldoutScore.of(skus, H, i -> model.forecast(i, H, LEVELS,
                GlobalRegressionTest.future(skus.get(i)), GlobalRegressionTest.futureTimes(skus.get(i))), f -> { });
        assertTrue(score.mase() < 0.5 * score.snaiveMase(), "MASE gbt " + score.mase() + " vs seasonal naive "
                + score.snaiveMase());
        assertTrue(score.coverage80() > 0.70 && score.coverage80() < 0.90, "coverage 80: " + score.coverage80());
        assertTrue(score.coverage95() > 0.88 && score.coverage95() < 0.99, "coverage 95: " + score.coverage95());
    }

    @Test
    void forecastsOfCountsAreNonNegativeEvenForSlowMovers() throws ModelFitException {
        List<SeriesFrame> frames = new ArrayList<>(GlobalRegressionTest.training(skus.subList(0, 40), H));
        // a slow mover: mostly zeros, then nothing at all for the last 40 days
        RetailGenerator.Sku s = skus.get(0);
        int n = s.units().length - H;
        double[] slow = new double[n];
        for (int t = 0; t < n - 40; t++) {
            slow[t] = t % 9 == 0 ? 1 : 0;
        }
        frames.add(new SeriesFrame("slow", Arrays.copyOf(s.times(), n), slow,
                new double[][] {Arrays.copyOf(s.price(), n), Arrays.copyOf(s.promo(), n)}));
        GbtRegressionModel small = GbtRegression.fit(frames,
                new GbtRegression.Options(GlobalRegressionTest.spec(), 30, 4, 0.2, 0.8, 2, 1));
        for (int i = 0; i < frames.size(); i++) {
            Forecast f = small.forecast(i, H, LEVELS, GlobalRegressionTest.future(s), GlobalRegressionTest.futureTimes(s));
            for (int k = 0; k < H; k++) {
                assertTrue(f.mean()[k] >= 0 && f.lower()[1][k] >= 0 && f.lower()[0][k] >= 0, "series " + i + " step " + k);
                assertTrue(f.lower()[1][k] <= f.mean()[k] + 1e-9 && f.mean()[k] <= f.upper()[1][k] + 1e-9);
            }
        }
    }

    @Test
    void bytesRoundTripGiveIdenticalForecasts() throws IOException {
        RetailGenerator.Sku s = skus.get(11);
        Forecast before = model.forecast(11, H, LEVELS, GlobalRegressionTest.future(s), GlobalRegressionTest.futureTimes(s));
        byte[] bytes = model.toBytes();
        GlobalModel back = new RegressionFamily().readGlobal(bytes);
        GbtRegressionModel gbt = assertInstanceOf(GbtRegressionModel.class, back);
        Forecast after = gbt.forecast(11, H, LEVELS, GlobalRegressionTest.future(s), GlobalRegressionTest.futureTimes(s));
        assertArrayEquals(before.mean(), after.mean(), 0);
        assertArrayEquals(before.lower()[0], after.lower()[0], 0);
        assertArrayEquals(before.upper()[1], after.upper()[1], 0);
        assertEquals(model.importance(), gbt.importance());
        assertEquals(model.description(), gbt.description());
        assertEquals(11, gbt.indexOf(s.key()));
        assertArrayEquals(bytes, gbt.toBytes());
        byte[] bad = bytes.clone();
        bad[0] = 0;
        assertThrows(IOException.class, () -> GbtRegressionModel.fromBytes(bad));
    }

    @Test
    void concurrentForecastsEqualSequentialOnes() {
        double[][] sequential = new double[skus.size()][];
        for (int i = 0; i < skus.size(); i++) {
            RetailGenerator.Sku s = skus.get(i);
            sequential[i] = model.forecast(i, H, LEVELS, GlobalRegressionTest.future(s), GlobalRegressionTest.futureTimes(s)).mean();
        }
        java.util.stream.IntStream.range(0, skus.size()).parallel().forEach(i -> {
            RetailGenerator.Sku s = skus.get(i);
            assertArrayEquals(sequential[i], model.forecast(i, H, LEVELS, GlobalRegressionTest.future(s),
                    GlobalRegressionTest.futureTimes(s)).mean(), 0);
        });
    }

    @Test
    void importanceIsTheGainShareOfRealFeatures() {
        Map<String, Double> imp = model.importance();
        assertEquals(model.featureNames(), imp.keySet().stream().sorted((a, b) ->
                model.featureNames().indexOf(a) - model.featureNames().indexOf(b)).toList());
        assertEquals(1.0, imp.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertTrue(imp.values().stream().allMatch(v -> v >= 0), imp.toString());
        List<String> top = imp.keySet().stream().limit(8).toList();
        assertTrue(top.contains("cn_spring_festival_week") && top.contains("cn_spring_festival_pre"), imp.toString());
    }

    @Test
    void theFamilyPicksTheLearnerFromTheOptions() throws ModelFitException {
        GlobalFamily ridge = new RegressionFamily();
        assertSame(ridge, ridge.configured(Map.of()));
        GlobalFamily gbt = ridge.configured(Map.of("learner", "GBT"));
        assertEquals("gbt", ((RegressionFamily) gbt).learner());
        FeatureSpec spec = GlobalRegressionTest.spec();
        List<SeriesFrame> frames = GlobalRegressionTest.training(skus.subList(0, 10), H);
        assertInstanceOf(GbtRegressionModel.class, gbt.fitGlobal(frames, spec, 3));
        assertInstanceOf(GlobalRegressionModel.class, ridge.fitGlobal(frames, spec, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ridge.configured(Map.of("learner", "foo")));
        assertTrue(e.getMessage().contains("ridge, gbt"), e.getMessage());
    }
}
