package org.forecastsql.engine.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.GlobalSeriesModel;
import org.forecastsql.engine.model.ModelCodec;
import org.forecastsql.engine.model.ModelFitException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GlobalRegressionTest {
    static final int H = 28;
    static final double[] LEVELS = {80, 95};
    /** Three years ending 2026-02-28: the last 28 days hold the Spring Festival (2026-02-17). */
    static List<RetailGenerator.Sku> skus;
    static GlobalRegressionModel model;

    static List<SeriesFrame> training(List<RetailGenerator.Sku> data, int holdout) {
        return RetailGenerator.Sku.histories(data, holdout);
    }

    static FeatureSpec spec() {
        return FeatureSpec.daily(H, HolidayCalendar.builtIn("CN"), List.of("price", "promo"), Set.of("price"));
    }

    @BeforeAll
    static void fit() throws ModelFitException {
        skus = RetailGenerator.generate(300, LocalDate.parse("2026-02-28"), 3 * 365, 42);
        model = GlobalRegression.fit(training(skus, H), GlobalRegression.Options.of(spec()).withThreads(2));
    }

    static double[][] future(RetailGenerator.Sku s) {
        return s.plan(H);
    }

    static long[] futureTimes(RetailGenerator.Sku s) {
        return s.lastTimes(H);
    }

    @Test
    void beatsSeasonalNaiveClearlyOnAFestivalHoldout() {
        HoldoutScore score = HoldoutScore.of(skus, H, i -> model.forecast(i, H, LEVELS, future(skus.get(i)),
                futureTimes(skus.get(i))), f -> {
                    for (int k = 0; k < H; k++) {
                        assertTrue(f.lower()[0][k] >= 0 && f.mean()[k] >= 0, "non-negative");
                    }
                });
        assertTrue(score.mase() < 0.45 * score.snaiveMase() && score.mase() < 1.25 * score.oracleMase(),
                "MASE regression " + score.mase() + " vs seasonal naive " + score.snaiveMase() + ", oracle " + score.oracleMase());
        assertTrue(score.coverage80() > 0.70 && score.coverage80() < 0.90, "coverage 80: " + score.coverage80());
        assertTrue(score.coverage95() > 0.88 && score.coverage95() < 0.99, "coverage 95: " + score.coverage95());
    }


    @Test
    void aPlannedPromotionRaisesTheForecast() {
        RetailGenerator.Sku s = skus.get(7);
        double[][] plain = future(s);
        Arrays.fill(plain[1], 0);
        Arrays.fill(plain[0], s.price()[0] / (s.promo()[0] > 0 ? 0.8 : 1));
        double[][] promo = {plain[0].clone(), plain[1].clone()};
        promo[1][10] = 1;
        promo[0][10] = 0.8 * plain[0][10];
        Forecast without = model.forecast(7, H, LEVELS, plain, futureTimes(s));
        Forecast with = model.forecast(7, H, LEVELS, promo, futureTimes(s));
        assertTrue(with.mean()[10] > 1.3 * without.mean()[10], with.mean()[10] + " vs " + without.mean()[10]);
        assertEquals(without.mean()[9], with.mean()[9], 1e-12);
        assertEquals(without.mean()[11], with.mean()[11], 1e-12);
    }

    @Test
    void importanceSeesTheFestivalAndPromotions() {
        Map<String, Double> imp = model.importance();
        assertTrue(imp.get("cn_spring_festival_week") < 0, imp.toString());
        assertTrue(imp.get("cn_spring_festival_pre") > 0, imp.toString());
        assertTrue(imp.get("rel_price") < 0, imp.toString());
        assertEquals(model.featureNames().size(), imp.size());
    }

    @Test
    void missingFutureCovariatesAreAnErrorNamingColumnsAndPeriods() {
        RetailGenerator.Sku s = skus.get(3);
        double[][] fut = future(s);
        fut[0][4] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.forecast(3, H, LEVELS, fut, futureTimes(s)));
        assertTrue(e.getMessage().contains("price at 2026-02-05"), e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> model.forecast(3, 3, LEVELS, null, futureTimes(s)));
        assertTrue(none.getMessage().contains("price at 2026-02-01, 2026-02-02, 2026-02-03; promo at 2026-02-01"),
                none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.forecast(3, H + 1, LEVELS, fut, futureTimes(s)));
    }

    @Test
    void storedTailForecastsLikeTheFullHistoryAndBytesRoundTrip() throws IOException {
        RetailGenerator.Sku s = skus.get(11);
        int n = s.units().length - H;
        double[][] cov = {Arrays.copyOf(s.price(), n + H), Arrays.copyOf(s.promo(), n + H)};
        Forecast full = model.forecast(new SeriesFrame(s.key(), Arrays.copyOf(s.times(), n + H),
                Arrays.copyOf(s.units(), n), cov), H, LEVELS);
        Forecast tail = model.forecast(11, H, LEVELS, future(s), futureTimes(s));
        assertArrayEquals(full.mean(), tail.mean(), 1e-9);
        assertArrayEquals(full.upper()[1], tail.upper()[1], 1e-9);
        GlobalRegressionModel back = GlobalRegressionModel.fromBytes(model.toBytes());
        Forecast again = back.forecast(11, H, LEVELS, future(s), futureTimes(s));
        assertArrayEquals(tail.mean(), again.mean(), 0);
        assertArrayEquals(tail.lower()[0], again.lower()[0], 0);
        assertEquals(model.importance(), back.importance());
        assertEquals(11, back.indexOf(s.key()));
        byte[] bad = model.toBytes();
        bad[0] = 0;
        assertThrows(IOException.class, () -> GlobalRegressionModel.fromBytes(bad));
    }

    @Test
    void perSeriesViewsReadBackInBothStateFormats() throws IOException {
        RegressionFamily family = new RegressionFamily();
        RetailGenerator.Sku sku = skus.get(7);
        long[] times = futureTimes(sku);
        GlobalSeriesModel view = new GlobalSeriesModel(model, 7, times);
        byte[] now = ModelCodec.encode(view);
        // format 1 (before any frequency but daily) held the last day instead of the future time stamps
        java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(old)) {
            out.writeInt(7);
            out.writeLong(times[0] - 1);
        }
        try (GlobalSeriesModel.Binding b = GlobalSeriesModel.bind(java.util.Map.of("regression", model))) {
            FittedModel back = ModelCodec.decode(now);
            FittedModel v1 = family.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(old.toByteArray())), 1);
            double[] expected = model.forecast(7, H, LEVELS, future(sku), times).mean();
            assertArrayEquals(expected, back.forecast(H, LEVELS, future(sku)).mean(), 0);
            assertArrayEquals(expected, v1.forecast(H, LEVELS, future(sku)).mean(), 0);
        }
        // without its version's shared model a view cannot be read
        assertThrows(IOException.class, () -> ModelCodec.decode(now));
    }

    @Test
    void tooShortSeriesCannotBeFitted() {
        SeriesFrame tiny = new SeriesFrame("t", new long[] {1, 2, 3}, new double[] {1, 2, 3},
                new double[][] {{1, 1, 1}, {0, 0, 0}});
        assertThrows(ModelFitException.class, () -> GlobalRegression.fit(List.of(tiny), GlobalRegression.Options.of(spec())));
        SeriesFrame negative = new SeriesFrame("n", new long[] {1, 2}, new double[] {1, -2},
                new double[][] {{1, 1}, {0, 0}});
        assertThrows(IllegalArgumentException.class,
                () -> GlobalRegression.fit(List.of(negative), GlobalRegression.Options.of(spec())));
    }
}
