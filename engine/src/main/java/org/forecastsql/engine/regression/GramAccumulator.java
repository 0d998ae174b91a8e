package org.forecastsql.engine.regression;

/**
 * Running sums for the normal equations of {@code y ~ 1 + x}: the packed upper triangle of
 * {@code A'A} with {@code A = [1, X]}, {@code A'y}, {@code y'y} and the row count. Rows are added
 * through their non-zero entries only (most calendar and holiday columns are 0), so a row costs
 * {@code O(nnz^2)}. Not thread-safe: one per worker, then {@link #merge}.
 */
final class GramAccumulator {
    final int q;
    final double[] gram;
    final double[] xty;
    double yy;
    long n;
    private final int[] nz;
    private final double[] nzv;

    GramAccumulator(int p) {
        this.q = p + 1;
        this.gram = new double[q * (q + 1) / 2];
        this.xty = new double[q];
        this.nz = new int[q];
        this.nzv = new double[q];
    }

    /** Index of {@code (i, j)}, {@code i <= j}, in the packed upper triangle of a {@code q x q} matrix. */
    static int index(int i, int j, int q) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return i * q - i * (i - 1) / 2 + (j - i);
    }

    void add(double[] x, double y) {
        int k = 0;
        nz[k] = 0;
        nzv[k++] = 1.0;
        for (int j = 0; j < x.length; j++) {
            if (x[j] != 0) {
                nz[k] = j + 1;
                nzv[k++] = x[j];
            }
        }
        for (int a = 0; a < k; a++) {
            int i = nz[a];
            double vi = nzv[a];
            int base = i * q - i * (i - 1) / 2 - i;
            for (int b = a; b < k; b++) {
                gram[base + nz[b]] += vi * nzv[b];
            }
            xty[i] += vi * y;
        }
        yy += y * y;
        n++;
    }

    GramAccumulator merge(GramAccumulator o) {
        for (int i = 0; i < gram.length; i++) {
            gram[i] += o.gram[i];
        }
        for (int i = 0; i < q; i++) {
            xty[i] += o.xty[i];
        }
        yy += o.yy;
        n += o.n;
        return this;
    }
}
