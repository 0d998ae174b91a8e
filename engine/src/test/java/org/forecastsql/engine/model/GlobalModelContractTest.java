package org.forecastsql.engine.model;

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
import java.util.stream.Stream;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.neural.NeuralFamily;
import org.forecastsql.engine.neural.NeuralOptions;
import org.forecastsql.engine.regression.RetailGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every global family keeps (DESIGN §3, through {@link GlobalFamily} and
 * {@link GlobalModel}): one model for all series; per series, forecasts of the trained horizon
 * with nested intervals, non-negative for counts; a forecast from a series' stored tail equals
 * the forecast from its full history; bytes round-trip to identical forecasts, and so do the
 * per-series views through {@link ModelCodec}; the same seed gives the same model; a horizon
 * beyond the trained one and missing future covariates are errors that say what is wrong.
 */
class GlobalModelContractTest {
    static final int H = 14;
    static final double[] LEVELS = {80, 95};
    static List<RetailGenerator.Sku> skus;

    /** Every registered global family; the neural network sized down so the test stays quick. */
    static Stream<GlobalFamily> families() {
        return ModelFamilies.all().stream().filter(f -> f instanceof GlobalFamily).map(f -> f instanceof NeuralFamily
                ? new NeuralFamily(NeuralOptions.defaults().withSize(16, 1).withEpochs(3, 4096, 1).withThreads(1))
                : (GlobalFamily) f);
    }

    @BeforeAll
    static void data() {
        skus = RetailGenerator.generate(20, LocalDate.parse("2025-12-31"), 400, 5);
    }

    static FeatureSpec spec() {
        return FeatureSpec.daily(H, HolidayCalendar.builtIn("CN"), List.of("price", "promo"), Set.of("price"));
    }

    static List<SeriesFrame> histories() {
        return RetailGenerator.Sku.histories(skus, H);
    }

    static double[][] future(RetailGenerator.Sku s) {
        return s.plan(H);
    }

    static long[] futureTimes(RetailGenerator.Sku s) {
        return s.lastTimes(H);
    }

    @ParameterizedTest
    @MethodSource("families")
    void keepsTheContract(GlobalFamily family) throws Exception {
        assertTrue(family.isGlobal());
        assertTrue(ModelFamilies.exists(family.method()));
        assertThrows(ModelFitException.class, () -> family.fit(new TrainingSeries(new double[200], 7, new double[0][],
                new String[0], 1)));
        GlobalModel model = family.fitGlobal(histories(), spec(), 11);
        assertEquals(family.method(), model.method());
        assertEquals(skus.size(), model.seriesCount());
        assertEquals(H, model.horizon());
        assertTrue(!model.description().isBlank() && !model.backend().isBlank());

        GlobalModel back = family.readGlobal(model.toBytes());
        GlobalModel again = family.fitGlobal(histories(), spec(), 11);
        for (int i = 0; i < skus.size(); i += 4) {
            RetailGenerator.Sku s = skus.get(i);
            Forecast f = model.forecast(i, H, LEVELS, future(s), futureTimes(s));
            assertEquals(H, f.mean().length);
            for (int t = 0; t < H; t++) {
                double m = f.mean()[t];
                assertTrue(Double.isFinite(m) && m >= 0, family.method() + " step " + t + ": " + m);
                assertTrue(f.lower()[1][t] <= f.lower()[0][t] + 1e-9 && f.lower()[0][t] <= m + 1e-9
                        && m <= f.upper()[0][t] + 1e-9 && f.upper()[0][t] <= f.upper()[1][t] + 1e-9, "nested at " + t);
            }
            // the stored tail forecasts like the full history
            int n = s.units().length - H;
            SeriesFrame full = new SeriesFrame(s.key(), s.times(), Arrays.copyOf(s.units(), n),
                    new double[][] {s.price(), s.promo()});
            assertArrayEquals(f.mean(), model.forecast(full, H, LEVELS).mean(), 1e-9 * (1 + Arrays.stream(f.mean()).max().orElse(0)));
            assertArrayEquals(f.mean(), back.forecast(i, H, LEVELS, future(s), futureTimes(s)).mean(), 0);
            assertArrayEquals(f.upper()[1], back.forecast(i, H, LEVELS, future(s), futureTimes(s)).upper()[1], 0);
            assertArrayEquals(f.mean(), again.forecast(i, H, LEVELS, future(s), futureTimes(s)).mean(), 0, "same seed");

            // the per-series view, stored and read back with its version's shared model
            byte[] state = ModelCodec.encode(new GlobalSeriesModel(model, i, futureTimes(s)));
            try (GlobalSeriesModel.Binding b = GlobalSeriesModel.bind(Map.of(family.method(), back))) {
                FittedModel view = ModelCodec.decode(state);
                assertTrue(view.needsFutureRegressors());
                assertEquals(H, view.maxHorizon());
                assertArrayEquals(f.mean(), view.forecast(H, LEVELS, future(s)).mean(), 0);
                IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
                        () -> view.forecast(H + 1, LEVELS, future(s)));
                assertTrue(far.getMessage().contains("retrain with a longer horizon"), far.getMessage());
            }
        }
        RetailGenerator.Sku s = skus.get(0);
        double[][] gap = future(s);
        gap[1][3] = Double.NaN;
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> model.forecast(0, H, LEVELS, gap, futureTimes(s)));
        assertTrue(missing.getMessage().contains("promo") && missing.getMessage().contains(
                LocalDate.ofEpochDay(futureTimes(s)[3]).toString()), missing.getMessage());
        assertThrows(IOException.class, () -> family.readGlobal(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    }
}
