package org.forecastsql.engine.series.bench;

import java.time.LocalDate;
import java.util.Random;
import org.forecastsql.engine.series.Fill;
import org.forecastsql.engine.series.Frequency;
import org.forecastsql.engine.series.FrequencyDetector;
import org.forecastsql.engine.series.SeasonDetector;
import org.forecastsql.engine.series.SeriesRegularizer;
import org.forecastsql.engine.series.SeriesRegularizer.Regularized;
import org.forecastsql.engine.series.TimeEncoding;

/**
 * Throughput of the batch path: frequency inference, regularisation and season detection over
 * many series (default 30 000 series × 1 000 daily rows, shuffled within the batch, with 2%
 * of the days missing, a few duplicates and two covariates).
 *
 * <pre>
 * cd engine && mvn -q -o test-compile && java -Xmx4g -cp target/classes:target/test-classes \
 *     org.forecastsql.engine.series.bench.SeriesBench [series] [rowsPerSeries] [monthly]
 * </pre>
 */
public final class SeriesBench {
    private SeriesBench() {
    }

    public static void main(String[] args) {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        boolean monthly = args.length > 2 && args[2].equals("monthly");
        int total = series * rows;
        long[] time = new long[total];
        double[] y = new double[total];
        double[][] x = {new double[total], new double[total]};
        int[] offsets = new int[series + 1];
        Random rnd = new Random(1);
        long start = LocalDate.of(2020, 1, 31).toEpochDay();
        int r = 0;
        for (int s = 0; s < series; s++) {
            offsets[s] = r;
            for (int i = 0; i < rows; i++) {
                int k = rnd.nextInt(100) < 2 ? i + 1 : i;
                time[r] = monthly ? LocalDate.ofEpochDay(start).plusMonths(k).toEpochDay() : start + k;
                y[r] = 10 + 3 * ((k % 7) == 5 ? 1 : 0) + rnd.nextGaussian();
                x[0][r] = 1 + 0.01 * rnd.nextInt(10);
                x[1][r] = rnd.nextInt(2);
                r++;
            }
        }
        offsets[series] = r;
        // The lead groups rows by series id; shuffle within each series so that nothing arrives sorted.
        int[] rowIndex = new int[total];
        for (int s = 0; s < series; s++) {
            for (int i = offsets[s]; i < offsets[s + 1]; i++) {
                rowIndex[i] = i;
            }
            for (int i = offsets[s + 1] - 1; i > offsets[s]; i--) {
                int j = offsets[s] + rnd.nextInt(i - offsets[s] + 1);
                int t = rowIndex[i];
                rowIndex[i] = rowIndex[j];
                rowIndex[j] = t;
            }
        }
        System.out.printf("%d series x %d rows = %,d rows (%s), %d cores%n", series, rows, total, monthly ? "monthly" : "daily",
                Runtime.getRuntime().availableProcessors());
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        // CPU time of the calling thread, not wall time: the build machine is shared.
        for (int rep = 0; rep < 3; rep++) {
            long c0 = mx.getCurrentThreadCpuTime();
            Frequency f = FrequencyDetector.infer(time, rowIndex, offsets, TimeEncoding.EPOCH_DAY);
            long c1 = mx.getCurrentThreadCpuTime();
            Regularized[] reg = new Regularized[series];
            for (int s = 0; s < series; s++) {
                reg[s] = SeriesRegularizer.regularize(time, y, x, rowIndex, offsets[s], offsets[s + 1], f, TimeEncoding.EPOCH_DAY,
                        Fill.ZERO);
            }
            long c2 = mx.getCurrentThreadCpuTime();
            int[] candidates = f.seasonCandidates();
            long seasonal = 0;
            for (int s = 0; s < series; s++) {
                seasonal += SeasonDetector.detect(reg[s].y(), candidates) > 1 ? 1 : 0;
            }
            long c3 = mx.getCurrentThreadCpuTime();
            reg = null;
            long w0 = System.nanoTime();
            Regularized[] par = SeriesRegularizer.regularizeAll(time, y, x, rowIndex, offsets, f, TimeEncoding.EPOCH_DAY, Fill.ZERO);
            long w1 = System.nanoTime();
            System.out.printf("run %d (CPU ms of one thread): infer %s %.0f ms; regularize %.0f ms = %.1f ns/row; "
                            + "season %s %.0f ms = %.1f us/series (%d seasonal); regularizeAll wall %.0f ms; %d periods in series 0%n",
                    rep, f.label(), (c1 - c0) / 1e6, (c2 - c1) / 1e6, (c2 - c1) / (double) total,
                    java.util.Arrays.toString(candidates), (c3 - c2) / 1e6, (c3 - c2) / 1e3 / series, seasonal,
                    (w1 - w0) / 1e6, par[0].length());
        }
    }
}
