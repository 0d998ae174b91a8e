package org.forecastsql.engine.ets;

import org.forecastsql.engine.RData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Against R 4.2.2 {@code stats::decompose} and {@code lsfit}. */
class ClassicalDecompositionTest {

    @Test
    void evenSeasonMultiplicativeAndAdditive() {
        // decompose(UKgas, "multiplicative")$figure and decompose(UKgas, "additive")$figure
        double[] mult = ClassicalDecomposition.seasonal(RData.UKGAS, 4, true);
        assertArrayEquals(new double[] {1.45371065583, 0.955932592312, 0.558444080735, 1.03191267113},
                Arrays.copyOf(mult, 4), 1e-10);
        double[] add = ClassicalDecomposition.seasonal(RData.UKGAS, 4, false);
        assertArrayEquals(new double[] {175.138100962, -36.1412259615, -168.967668269, 29.9707932692},
                Arrays.copyOf(add, 4), 1e-8);
    }

    @Test
    void oddSeasonAndIncompleteLastPeriod() {
        // decompose(ts(nottem[1:47], frequency = 5), "additive")$seasonal[1:7]
        double[] s = ClassicalDecomposition.seasonal(Arrays.copyOf(RData.NOTTEM, 47), 5, false);
        assertArrayEquals(new double[] {-0.559277777778, -0.594277777778, -0.0362222222222, 1.006, 0.183777777778,
            -0.559277777778, -0.594277777778}, Arrays.copyOf(s, 7), 1e-10);
    }

    @Test
    void lineFitIsLsfit() {
        // lsfit(0:9, Nile[1:10])$coef
        assertArrayEquals(new double[] {1083.67272727, 10.8727272727}, ClassicalDecomposition.lineFit(RData.NILE, 10, 0), 1e-7);
    }
}
