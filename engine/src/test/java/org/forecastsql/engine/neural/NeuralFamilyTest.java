package org.forecastsql.engine.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.GlobalModel;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.regression.HoldoutScore;
import org.forecastsql.engine.regression.RetailGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NeuralFamilyTest {
    static final int H = 28;
    static final double[] LEVELS = {80, 95};
    /** A small network and few epochs: the whole class stays well under a minute on 2 shared cores. */
    static final NeuralOptions SMALL = NeuralOptions.defaults().withSize(32, 2).withEpochs(8, 16_384, 2).withThreads(1);
    /** Two years ending 2026-02-28 (weekly profile, promotions, Spring Festival 2026-02-17 in the holdout). */
    static List<RetailGenerator.Sku> skus;
    static GlobalNeuralModel model;

    static FeatureSpec spec() {
        return FeatureSpec.daily(H, HolidayCalendar.builtIn("CN"), List.of("price", "promo"), Set.of("price"));
    }

    static List<SeriesFrame> training(List<RetailGenerator.Sku> data, int holdout) {
        return RetailGenerator.Sku.histories(data, holdout);
    }

    static double[][] future(RetailGenerator.Sku s) {
        return s.plan(H);
    }

    static long[] futureTimes(RetailGenerator.Sku s) {
        return s.lastTimes(H);
    }

    @BeforeAll
    static void fit() throws ModelFitException {
        skus = RetailGenerator.generate(150, LocalDate.parse("2026-02-28"), 2 * 365, 11);
        model = new NeuralFamily(SMALL).fit(training(skus, H), spec(), 7);
    }

    @Test
    void beatsSeasonalNaiveClearlyOnAPromotionAndFestivalHoldout() {
        HoldoutScore score = HoldoutScore.of(skus, H, i -> model.forecast(i, H, LEVELS, future(skus.get(i)),
                futureTimes(skus.get(i))), f -> {
                    for (int k = 0; k < H; k++) {
                        assertTrue(f.lower()[1][k] <= f.lower()[0][k] && f.lower()[0][k] <= f.mean()[k]
                                && f.mean()[k] <= f.upper()[0][k] && f.upper()[0][k] <= f.upper()[1][k], "nested intervals");
                    }
                });
        assertTrue(score.mase() < 0.6 * score.snaiveMase(), "MASE neural " + score.mase() + " vs seasonal naive "
                + score.snaiveMase());
        assertTrue(score.coverage80() > 0.6 && score.coverage80() < 0.95, "80% interval coverage " + score.coverage80());
    }

    @Test
    void permutationImportanceNamesWhatTheNetworkUses() throws Exception {
        java.util.Map<String, Double> imp = model.importance();
        assertEquals(model.sizes[0], imp.size(), "one value per input: lags and features");
        java.util.List<String> top = imp.keySet().stream().limit(10).toList();
        // the generator's demand moves with promotions and the weekday; both must be among the ten that matter most
        assertTrue(top.contains("cov_promo"), top.toString());
        assertTrue(top.stream().anyMatch(f -> f.startsWith("dow_") || f.equals("season_lag") || f.startsWith("lag_")),
                top.toString());
        assertEquals(imp, new NeuralFamily().readGlobal(model.toBytes()).importance());
    }

    @Test
    void sameSeedGivesTheSameForecasts() throws ModelFitException {
        List<RetailGenerator.Sku> few = skus.subList(0, 40);
        NeuralOptions tiny = SMALL.withEpochs(3, 4096, 1);
        GlobalNeuralModel a = new NeuralFamily(tiny).fit(training(few, H), spec(), 3);
        GlobalNeuralModel b = new NeuralFamily(tiny).fit(training(few, H), spec(), 3);
        GlobalNeuralModel c = new NeuralFamily(tiny.withRefit(true)).fit(training(few, H), spec(), 4);
        RetailGenerator.Sku s = few.get(5);
        Forecast fa = a.forecast(5, H, LEVELS, future(s), futureTimes(s));
        Forecast fb = b.forecast(5, H, LEVELS, future(s), futureTimes(s));
        Forecast fc = c.forecast(5, H, LEVELS, future(s), futureTimes(s));
        assertArrayEquals(fa.mean(), fb.mean(), 0.0);
        assertArrayEquals(fa.upper()[1], fb.upper()[1], 0.0);
        assertArrayEquals(fa.lower()[0], fb.lower()[0], 0.0);
        assertTrue(!Arrays.equals(fa.mean(), fc.mean()), "another seed trains another network");
        assertTrue(c.description().contains("refitted on all periods"), c.description());
    }

    @Test
    void storedBytesForecastIdenticallyWithoutRetraining() throws IOException {
        byte[] bytes = model.toBytes();
        GlobalModel back = new NeuralFamily().readGlobal(bytes);
        assertEquals(model.description(), back.description());
        assertTrue(back.description().contains("ND4J"), back.description());
        assertEquals(skus.size(), back.seriesCount());
        assertEquals(H, back.horizon());
        for (int i : new int[] {0, 17, 149}) {
            RetailGenerator.Sku s = skus.get(i);
            Forecast f = model.forecast(i, H, LEVELS, future(s), futureTimes(s));
            Forecast g = back.forecast(i, H, LEVELS, future(s), futureTimes(s));
            assertArrayEquals(f.mean(), g.mean(), 0.0);
            assertArrayEquals(f.lower()[0], g.lower()[0], 0.0);
            assertArrayEquals(f.upper()[1], g.upper()[1], 0.0);
        }
        assertArrayEquals(bytes, back.toBytes());
        // A backtest forecasts from a frame cut at its origin: the same numbers as from the stored tail.
        RetailGenerator.Sku s = skus.get(3);
        SeriesFrame full = new SeriesFrame(s.key(), s.times(), Arrays.copyOf(s.units(), s.units().length - H),
                new double[][] {s.price(), s.promo()});
        assertArrayEquals(model.forecast(3, H, LEVELS, future(s), futureTimes(s)).mean(),
                back.forecast(full, H, LEVELS).mean(), 1e-9);
        assertThrows(IOException.class, () -> new NeuralFamily().readGlobal(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    }

    @Test
    void missingFutureCovariatesAreNamedWithTheirPeriods() {
        RetailGenerator.Sku s = skus.get(0);
        double[][] future = future(s);
        future[1][2] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.forecast(0, H, LEVELS, future, futureTimes(s)));
        String day = LocalDate.ofEpochDay(futureTimes(s)[2]).toString();
        assertTrue(e.getMessage().contains("promo at " + day) && !e.getMessage().contains("price"), e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> model.forecast(0, 7, LEVELS, null, futureTimes(s)));
        assertTrue(none.getMessage().contains("price at") && none.getMessage().contains("promo at"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.forecast(0, H + 1, LEVELS, future(s), futureTimes(s)));
    }

    @Test
    void seriesTooShortForAnyWindowIsAFitError() {
        List<SeriesFrame> shortOnes = training(skus.subList(0, 3), 2 * 365 - 40);
        assertThrows(ModelFitException.class, () -> new NeuralFamily(SMALL).fit(shortOnes, spec(), 1));
        assertEquals(NeuralFamily.METHOD, new NeuralFamily().method());
        assertTrue(new NeuralFamily().isGlobal());
    }
}
