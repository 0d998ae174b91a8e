package org.forecastsql.engine.arima;

/**
 * Fourier terms as regressors for long or multiple seasons, as R's {@code forecast::fourier}
 * (forecast 8.20): for each period {@code m_j} and {@code k = 1..K_j} the columns
 * {@code S_k(t) = sin(2πkt/m_j)} and {@code C_k(t) = cos(2πkt/m_j)}, {@code t = offset+1 … offset+n}
 * (the training series is {@code t = 1..n}, its future {@code n+1..n+h}); a frequency that an
 * earlier period already has is dropped, and so is a sine column where {@code 2k/m_j} is an
 * integer (identically zero). Column names are R's, {@code "S1-52"}, {@code "C1-52"} (period rounded).
 */
final class FourierTerms {
    private FourierTerms() {
    }

    /** The frequencies k/m kept, in R's column order, as {k, periodIndex} pairs. */
    private static int[][] kept(double[] periods, int[] ks) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        java.util.List<Double> seen = new java.util.ArrayList<>();
        for (int j = 0; j < periods.length; j++) {
            for (int k = 1; k <= ks[j]; k++) {
                double f = k / periods[j];
                boolean dup = false;
                for (double g : seen) {
                    dup |= Math.abs(f - g) < 1e-12;
                }
                if (!dup) {
                    seen.add(f);
                    out.add(new int[] {k, j});
                }
            }
        }
        return out.toArray(new int[0][]);
    }

    private static boolean sineIsZero(int k, double period) {
        double p2 = 2.0 * k / period;
        return Math.abs(p2 - Math.rint(p2)) <= Math.ulp(1.0);
    }

    /** Columns {@code x[c][i]} for times {@code offset + 1 + i}, i in [0, n). */
    static double[][] columns(double[] periods, int[] ks, long offset, int n) {
        java.util.List<double[]> cols = new java.util.ArrayList<>();
        for (int[] kj : kept(periods, ks)) {
            int k = kj[0];
            double m = periods[kj[1]];
            double[] s = new double[n];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                // sinpi/cospi as R: reduce 2kt/m modulo 2 before multiplying by π
                double x = 2.0 * k * (offset + 1 + i) / m;
                x -= 2 * Math.floor(x / 2);
                s[i] = Math.sin(Math.PI * x);
                c[i] = Math.cos(Math.PI * x);
            }
            if (!sineIsZero(k, m)) {
                cols.add(s);
            }
            cols.add(c);
        }
        return cols.toArray(new double[0][]);
    }

    /** R's column names for {@link #columns}. */
    static String[] names(double[] periods, int[] ks) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int[] kj : kept(periods, ks)) {
            int k = kj[0];
            double m = periods[kj[1]];
            long rm = Math.round(m);
            if (!sineIsZero(k, m)) {
                out.add("S" + k + "-" + rm);
            }
            out.add("C" + k + "-" + rm);
        }
        return out.toArray(new String[0]);
    }
}
