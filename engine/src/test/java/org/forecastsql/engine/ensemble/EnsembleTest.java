package org.forecastsql.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.forecastsql.engine.RData;
import org.forecastsql.engine.backtest.RollingOriginBacktest;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelCodec;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;
import org.junit.jupiter.api.Test;

class EnsembleTest {
    private static final double[] LEVELS = {80, 95};

    @Test
    void weightsFavourLowerBacktestErrorAndShrinkWithFewWindows() {
        double[] w = EnsembleKernel.weights(new double[] {1, 2, 4}, 3);
        assertEquals(1, Arrays.stream(w).sum(), 1e-12);
        assertTrue(w[0] > w[1] && w[1] > w[2]);
        // inverse MASE 1, 1/2, 1/4 → 4/7, 2/7, 1/7; shrunk by s = 1/4 towards 1/3
        assertEquals(0.75 * 4 / 7 + 0.25 / 3, w[0], 1e-12);
        double[] one = EnsembleKernel.weights(new double[] {1, 2, 4}, 0);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, one, 1e-12);
        double[] none = EnsembleKernel.weights(new double[] {Double.NaN, 2}, 3);
        assertArrayEquals(new double[] {0, 1}, none, 1e-12);
    }

    @Test
    void conformalQuantileIsTheCeilRankOfTheSortedRatios() {
        double[] r = new double[19];
        for (int i = 0; i < r.length; i++) {
            r[i] = i + 1;
        }
        // ceil(20 * 0.8) = 16th smallest; ceil(20 * 0.95) = 19th
        assertEquals(16, EnsembleKernel.conformalQuantile(r, 80));
        assertEquals(19, EnsembleKernel.conformalQuantile(r, 95));
        assertTrue(Double.isNaN(EnsembleKernel.conformalQuantile(new double[5], 80)));
    }

    private static EnsembleBuilder.Built build(List<ModelFamily> members, TrainingSeries s) throws ModelFitException {
        List<RollingOriginBacktest.Result> bt = new ArrayList<>();
        for (ModelFamily f : members) {
            bt.add(RollingOriginBacktest.run(f, s, 12, 3, Double.NaN));
        }
        return EnsembleBuilder.build(s, members, bt, java.util.Map.of(), Double.NaN);
    }

    @Test
    void theForecastIsTheWeightedMeanOfTheMembersAndRoundTrips() throws Exception {
        TrainingSeries s = TrainingSeries.of(RData.USACC_DEATHS, 12);
        List<ModelFamily> members = List.of(ModelFamilies.byMethod("ets"), ModelFamilies.byMethod("theta"),
                ModelFamilies.byMethod("snaive"));
        EnsembleBuilder.Built b = build(members, s);
        EnsembleModel m = b.model();
        assertEquals(1, Arrays.stream(m.weights()).sum(), 1e-12);
        Forecast f = m.forecast(12, LEVELS, new double[0][]);
        double[] expected = new double[12];
        for (int i = 0; i < members.size(); i++) {
            double[] mi = members.get(i).fit(s).forecast(12, LEVELS, new double[0][]).mean();
            for (int t = 0; t < 12; t++) {
                expected[t] += m.weights()[i] * mi[t];
            }
        }
        assertArrayEquals(expected, f.mean(), 1e-9);
        for (int t = 0; t < 12; t++) {
            assertTrue(f.lower()[1][t] <= f.lower()[0][t] && f.lower()[0][t] <= f.mean()[t]
                    && f.mean()[t] <= f.upper()[0][t] && f.upper()[0][t] <= f.upper()[1][t]);
        }
        assertEquals(36, m.ratios().length, "3 windows x 12 months of calibration ratios");
        assertTrue(b.notes().startsWith("weights: ets "), b.notes());
        FittedModel back = ModelCodec.decode(ModelCodec.encode(m));
        Forecast g = back.forecast(12, LEVELS, new double[0][]);
        assertArrayEquals(f.mean(), g.mean(), 0);
        assertArrayEquals(f.upper()[1], g.upper()[1], 0);
    }

    /** A member that cannot fit the whole series. */
    private record Failing() implements ModelFamily {
        @Override
        public String method() {
            return "naive";
        }

        @Override
        public int minLength(int season) {
            return 2;
        }

        @Override
        public FittedModel fit(TrainingSeries series) throws ModelFitException {
            if (series.length() == RData.USACC_DEATHS.length) {
                throw new ModelFitException("no convergence");
            }
            return ModelFamilies.byMethod("naive").fit(series);
        }

        @Override
        public FittedModel read(DataInput in, int formatVersion) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aMemberThatFailsIsDroppedAndSaid() throws Exception {
        TrainingSeries s = TrainingSeries.of(RData.USACC_DEATHS, 12);
        EnsembleBuilder.Built b = build(List.of(ModelFamilies.byMethod("snaive"), new Failing()), s);
        assertEquals(1, b.model().members().length);
        assertEquals(1, b.model().weights()[0], 1e-12);
        assertTrue(b.notes().contains("naive dropped: no convergence"), b.notes());
        assertThrows(ModelFitException.class, () -> build(List.of(new Failing()), s));
    }
}
