package org.forecastsql.engine.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RidgeKernelTest {
    // R's mtcars (32 rows): mpg ~ wt + hp + qsec.
    private static final double[] MPG = {21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3,
        15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4};
    private static final double[] WT = {2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07,
        3.73, 3.78, 5.25, 5.424, 5.345, 2.2, 1.615, 1.835, 2.465, 3.52, 3.435, 3.84, 3.845, 1.935, 2.14, 1.513,
        3.17, 2.77, 3.57, 2.78};
    private static final double[] HP = {110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180, 180, 180, 205, 215,
        230, 66, 52, 65, 97, 150, 150, 245, 175, 66, 91, 113, 264, 175, 335, 109};
    private static final double[] QSEC = {16.46, 17.02, 18.61, 19.44, 17.02, 20.22, 15.84, 20, 22.9, 18.3, 18.9,
        17.4, 17.6, 18, 17.98, 17.82, 17.42, 19.47, 18.52, 19.9, 20.01, 16.87, 17.3, 15.41, 17.05, 18.9, 16.7,
        16.9, 14.5, 15.5, 14.6, 18.6};

    private static double[] fit(double lambda) {
        GramAccumulator g = new GramAccumulator(3);
        GramAccumulator other = new GramAccumulator(3);
        for (int i = 0; i < MPG.length; i++) {
            (i % 2 == 0 ? g : other).add(new double[] {WT[i], HP[i], QSEC[i]}, MPG[i]);
        }
        g.merge(other);
        return RidgeKernel.ridge(g.gram, g.xty, g.yy, g.n, 3, lambda);
    }

    @Test
    void tinyPenaltyIsOrdinaryLeastSquares() {
        // R 4.2.2: coef(lm(mpg ~ wt + hp + qsec, mtcars))
        double[] lm = {27.6105268582049383, -4.3587972001626856, -0.0178222716055425, 0.5108336942450574};
        double[] b = fit(1e-12);
        for (int j = 0; j < 4; j++) {
            assertEquals(lm[j], b[j], 1e-7 * Math.max(1, Math.abs(lm[j])));
        }
    }

    @Test
    void ridgeMatchesMassLmRidge() {
        // R 4.2.2, MASS 7.3-58.2: coef(lm.ridge(mpg ~ wt + hp + qsec, mtcars, lambda = 32 * 0.1))
        double[] ridge = {29.0042042066870849, -3.7575890344507905, -0.0236633610131271, 0.3723870513628575};
        double[] b = fit(0.1);
        for (int j = 0; j < 4; j++) {
            assertEquals(ridge[j], b[j], 1e-9 * Math.max(1, Math.abs(ridge[j])));
        }
    }

    @Test
    void choleskySolvesASmallSystem() {
        double[][] a = {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}};
        double[] x = RidgeKernel.choleskySolve(a, new double[] {1, 2, 3});
        double[] back = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                back[i] += a[i][j] * x[j];
            }
        }
        assertArrayEquals(new double[] {1, 2, 3}, back, 1e-9);
    }
}
