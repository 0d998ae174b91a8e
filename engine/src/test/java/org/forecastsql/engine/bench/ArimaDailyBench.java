package org.forecastsql.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.forecastsql.engine.arima.ArimaFamily;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * CPU cost of auto-ARIMA (order search included) on daily series with a weekly season (s = 7)
 * and 1,000 observations, single thread: the target is 5 ms per series.
 *
 * <p>Run (from the repository root, after {@code mvn -q -o -pl engine test-compile}):
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes org.forecastsql.engine.bench.ArimaDailyBench [series]
 * </pre>
 * Series: a random-walk level, a weekly pattern that evolves as a seasonal random walk, and AR(1)
 * noise, seeded (reproducible). (A fixed weekly pattern makes every seasonally differenced model
 * hit the seasonal MA unit root, which auto.arima rejects model by model, as R does: ~10x slower.)
 */
public final class ArimaDailyBench {
    private ArimaDailyBench() {
    }

    static double[] series(long seed, int n) {
        Random rnd = new Random(seed);
        double[] week = new double[7];
        for (int k = 0; k < 7; k++) {
            week[k] = 20 * rnd.nextGaussian();
        }
        double level = 200 + 50 * rnd.nextDouble();
        double u = 0;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            u = 0.7 * u + 5 * rnd.nextGaussian();
            level += 0.3 * rnd.nextGaussian();
            week[t % 7] += 2 * rnd.nextGaussian();
            y[t] = level + week[t % 7] + u;
        }
        return y;
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        ArimaFamily family = new ArimaFamily();
        for (int i = 0; i < 20; i++) {
            family.fit(TrainingSeries.of(series(1000 + i, 1000), 7));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Integer> models = new java.util.TreeMap<>();
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            FittedModel m = family.fit(TrainingSeries.of(series(i, 1000), 7));
            models.merge(m.description(), 1, Integer::sum);
        }
        long t1 = mx.getCurrentThreadCpuTime();
        System.out.printf("daily s=7 n=1000: %d series, %.2f ms CPU per series (order search included)%n", count, (t1 - t0) / 1e6 / count);
        System.out.println("models chosen: " + models);
    }
}
