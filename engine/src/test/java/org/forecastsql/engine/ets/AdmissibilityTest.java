package org.forecastsql.engine.ets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The characteristic-polynomial check of the admissible region against R 4.2.2 {@code polyroot} (the same cpoly code). */
class AdmissibilityTest {
    // m, alpha, beta, gamma, phi, max(Mod(polyroot(P))) with P as forecast's admissible() builds it (R 4.2.2).
    private static final double[][] CASES = {
        {4, 0.16804152633994818, 0.13569628824467878, 0.32025605109686928, 0.86554686343297371, 0.89229103688618083},
        {12, 0.60210067476145923, 0.3639060677594862, 0.049591563365377331, 0.85892018484883015, 1.0010169742107307},
        {7, 0.57760991901159286, 0.36445988758393422, 0.21627043643257826, 0.90100478283129637, 0.9970267986575595},
        {12, 0.53403535345569253, 0.29759089935132071, 0.40441979728981475, 0.96594173866324129, 1.0120295117288085},
        {2, 0.11144915339536965, 0.078425471852247991, 0.79746395712100426, 0.85594651075080042, 0.64675607999049545},
        {24, 0.22820188128389418, 0.0034983103116371047, 0.099547724281203995, 0.8186763857025654, 0.9977267547239318},
    };

    @Test
    void largestRootModulusMatchesRPolyroot() {
        for (double[] c : CASES) {
            int m = (int) c[0];
            double a = c[1];
            double b = c[2];
            double g = c[3];
            double phi = c[4];
            double[] p = new double[m + 2];
            p[0] = 1;
            p[1] = a + b - phi;
            for (int i = 0; i < m - 2; i++) {
                p[2 + i] = a + b - a * phi;
            }
            p[m] = a + b - a * phi + g - 1;
            p[m + 1] = phi * (1 - a - g);
            assertEquals(c[5], CpolyRoots.maxModulus(p), 1e-15, "m = " + m);
        }
    }

    @Test
    void reproducesRsRoundingNearAClusterAtOne() {
        // ETS(M,N,A), m = 4, small alpha and gamma: z = 1 is a root next to one at ~0.9998.
        // R 4.2.2: max(Mod(polyroot(P))) = 1.00000000009936052 (admissible) and
        // 1.00000000018765389 (just over R's 1 + 1e-10 limit); the exact values are 1.
        assertEquals(1.00000000009936052, CpolyRoots.maxModulus(seasonalNoTrend(1.9151697408686044e-04,
                2.3150282362423990e-04)), 1e-16);
        assertEquals(1.00000000018765389, CpolyRoots.maxModulus(seasonalNoTrend(1.0017913622175635E-4,
                1.0000715982915143E-4)), 1e-16);
        assertFalse(Admissibility.admissible(1.0017913622175635E-4, 0, 1.0000715982915143E-4, 1, false, true, 4));
    }

    private static double[] seasonalNoTrend(double a, double g) {
        return new double[] {1, a - 1, 0, 0, g - 1, 1 - a - g};
    }

    @Test
    void undampedAdditiveSeasonHasAUnitRootAndIsAdmissible() {
        // phi = 1, beta = 0: z = 1 is an exact root; R accepts (|z| <= 1 + 1e-10).
        assertTrue(Admissibility.admissible(0.3, 0, 0.1, 1, false, true, 12));
        assertFalse(Admissibility.check(0.3, 0.5, 0.1, 1, true, true, false, 12), "beta > alpha");
        assertFalse(Admissibility.check(0.5, 0.1, 0.6, 1, true, true, false, 4), "gamma > 1 - alpha");
    }
}
