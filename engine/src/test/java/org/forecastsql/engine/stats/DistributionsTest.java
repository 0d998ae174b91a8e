package org.forecastsql.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Quantiles against R 4.2.2 ({@code qnorm}, {@code qt}, {@code pnorm}). */
class DistributionsTest {
    @Test
    void normalQuantileMatchesR() {
        assertEquals(1.959963985, Distributions.normalQuantile(0.975), 1e-9);
        assertEquals(-6.361340902, Distributions.normalQuantile(1e-10), 1e-8);
        assertEquals(0, Distributions.normalQuantile(0.5), 0);
        assertEquals(1.281551566, Distributions.normalQuantile(0.9), 1e-9);
    }

    @Test
    void studentTQuantileMatchesR() {
        assertEquals(2.570581836, Distributions.studentTQuantile(0.975, 5), 1e-8);
        assertEquals(1.290161442, Distributions.studentTQuantile(0.9, 99), 1e-8);
        assertEquals(-2.570581836, Distributions.studentTQuantile(0.025, 5), 1e-8);
    }

    @Test
    void normalCdfInvertsTheQuantile() {
        for (double p : new double[] {1e-6, 0.01, 0.3, 0.5, 0.8, 0.999}) {
            assertEquals(p, Distributions.normalCdf(Distributions.normalQuantile(p)), 1e-12 + 1e-9 * p);
        }
    }
}
