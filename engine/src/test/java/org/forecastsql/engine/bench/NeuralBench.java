package org.forecastsql.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.engine.features.FeatureSpec;
import org.forecastsql.engine.features.SeriesFrame;
import org.forecastsql.engine.features.TimeKind;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.model.TrainingSeries;
import org.forecastsql.engine.neural.GlobalNeuralModel;
import org.forecastsql.engine.neural.NeuralFamily;
import org.forecastsql.engine.neural.NeuralOptions;
import org.forecastsql.engine.regression.GlobalRegression;
import org.forecastsql.engine.regression.GlobalRegressionModel;
import org.forecastsql.engine.regression.HoldoutScore;
import org.forecastsql.engine.regression.RetailGenerator;

/**
 * The global neural network's accuracy, training time and forecast speed.
 *
 * <p>Run (from the repository root, after {@code mvn -q -o -pl engine test-compile} and
 * {@code mvn -q -o -pl engine dependency:build-classpath -Dmdep.outputFile=/tmp/engine-cp.txt}):
 * <pre>
 * java -Xmx4g -cp engine/target/classes:engine/target/test-classes:$(cat /tmp/engine-cp.txt) \
 *     org.forecastsql.engine.bench.NeuralBench [retailSeries=2000] [m3=true] [threads=cores] [hidden=128] \
 *     [epochs=40] [scaleSeries=0]
 * </pre>
 * ({@code -Drefit=true} refits on all periods after early stopping.) Part 0, with {@code
 * scaleSeries > 0}: that many generated SKUs x 3 years: fit wall time, peak heap, model size,
 * forecast rows/s.
 * Part 1: {@code retailSeries} retail-like SKUs ({@link RetailGenerator}: weekly profile,
 * promotions with price and promo covariates, CN holidays) three years ending 2026-02-28, a 28-day
 * holdout holding the Spring Festival (2026-02-17): training seconds, mean MASE (scaled by the
 * in-sample seasonal naive MAE, lag 7) of the network, the global regression and seasonal naive,
 * the oracle (the generator's noise-free mean), 80/95% coverage, forecast rows/s (one thread,
 * from the stored tails). Part 2: the 1,428 M3 monthly series ({@code ../shared/data/m3}), one
 * network over all of them (time stamps: the first day of each month, no weekly season: the month
 * enters as a calendar input; lookback 24), horizon 18: MASE (lag-12 scale) of the network, seasonal
 * naive and Theta.
 *
 * <p>Measured 2026-11-29 on the shared 2-core machine (load average 7-11 from other work), one
 * ND4J thread, defaults (2x128, lookback 28, no refit), seed 42:
 * <ul>
 * <li>retail, 2,000 SKUs: MASE neural 0.736, global regression 0.788, seasonal naive 2.012
 *     (ratio 0.366), oracle 0.665; coverage 0.794 (80%), 0.946 (95%); fit 102.7 s (24 epochs,
 *     best 20; 146 s in another run under heavier load); forecast 39,500 rows/s on one thread;
 *     model 3.7 MiB. 300 SKUs, 2x64: neural 0.750, regression 0.785, seasonal naive 1.994.</li>
 * <li>M3 monthly (1,428 series): MASE neural 1.040 (2x64: 1.024; 2x256: 1.029; refit: 1.034),
 *     seasonal naive 1.146, Theta 0.864; fit 18-50 s.</li>
 * <li>scale, 30,000 SKUs x 1,095 days: fit 183.6 s (14 epochs of 65,536 windows, best 10), 763 MiB
 *     heap for the input, model 52.4 MiB, forecast 42,100 rows/s on one thread; trains within
 *     {@code -Xmx1600m} (checked over 3 epochs: 1,343 MiB sum of heap-pool peaks; the windows
 *     are streamed chunk by chunk).</li>
 * <li>threads: 300 SKUs, 3 epochs: 27.7 s with 1 ND4J thread, 146.7 s with 2 (OpenMP threads
 *     spinning against the machine's other load).</li>
 * </ul>
 */
public final class NeuralBench {
    private static final int H = 28;
    private static final LocalDate LAST = LocalDate.parse("2026-02-28");

    private NeuralBench() {
    }

    public static void main(String[] args) throws Exception {
        int retail = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        boolean m3 = args.length <= 1 || Boolean.parseBoolean(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        int hidden = args.length > 3 ? Integer.parseInt(args[3]) : 128;
        int epochs = args.length > 4 ? Integer.parseInt(args[4]) : 40;
        NeuralOptions options = NeuralOptions.defaults().withThreads(threads).withSize(hidden, 2)
                .withEpochs(epochs, NeuralOptions.defaults().rowsPerEpoch(), NeuralOptions.defaults().patience())
                .withRefit(Boolean.parseBoolean(System.getProperty("refit", "false")));
        int scaleSeries = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        if (scaleSeries > 0) {
            scale(scaleSeries, options);
        }
        if (retail > 0) {
            retail(retail, options);
        }
        if (m3) {
            m3(Path.of(System.getProperty("m3", "../shared/data/m3")), options.withLookback(24));
        }
    }

    /** Training at scale: wall time, peak heap (windows are streamed, never all built) and forecast rows/s. */
    static void scale(int count, NeuralOptions options) throws Exception {
        FeatureSpec spec = FeatureSpec.daily(H, HolidayCalendar.builtIn("CN"), List.of("price", "promo"), Set.of("price"));
        List<SeriesFrame> frames = RegressionBench.frames(count, 0, null, 0);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        List<java.lang.management.MemoryPoolMXBean> pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans();
        pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        GlobalNeuralModel model = new NeuralFamily(options).fit(frames, spec, 42);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = pools.stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double[][] future = {new double[H], new double[H]};
        long f0 = System.nanoTime();
        int forecasts = Math.min(count, 5000);
        for (int i = 0; i < forecasts; i++) {
            SeriesFrame f = frames.get(i);
            int n = f.n();
            Arrays.fill(future[0], f.covariates()[0][n - 1]);
            long[] times = new long[H];
            for (int k = 0; k < H; k++) {
                times[k] = f.times()[n - 1] + 1 + k;
            }
            model.forecast(i, H, new double[] {80, 95}, future, times);
        }
        double rowsPerSecond = forecasts * (double) H / ((System.nanoTime() - f0) / 1e9);
        System.out.println("scale: " + model.description());
        System.out.printf("scale: %d series x %d days: fit %.1f s wall; heap %.0f MiB with the input loaded, peak during fit %.0f MiB (sum of pool peaks); model %.1f MiB; forecast %.0f rows/s (one thread)%n",
                count, frames.get(0).n(), seconds, before / 1048576.0, peak / 1048576.0,
                model.toBytes().length / 1048576.0, rowsPerSecond);
    }

    static void retail(int count, NeuralOptions options) throws Exception {
        FeatureSpec spec = FeatureSpec.daily(H, HolidayCalendar.builtIn("CN"), List.of("price", "promo"), Set.of("price"));
        List<RetailGenerator.Sku> skus = new ArrayList<>();
        List<SeriesFrame> frames = RegressionBench.frames(count, H, skus, count);
        long t0 = System.nanoTime();
        GlobalNeuralModel model = new NeuralFamily(options).fit(frames, spec, 42);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        GlobalRegressionModel reg = GlobalRegression.fit(frames, GlobalRegression.Options.of(spec).withThreads(options.threads()));
        double regSeconds = (System.nanoTime() - t0) / 1e9;
        double[] levels = {80, 95};
        double nn = 0;
        double rg = 0;
        double naive = 0;
        double oracle = 0;
        long c80 = 0;
        long c95 = 0;
        long points = 0;
        long forecastNanos = 0;
        for (int i = 0; i < skus.size(); i++) {
            RetailGenerator.Sku s = skus.get(i);
            int n = s.units().length - H;
            double[] history = Arrays.copyOf(s.units(), n);
            double[] actual = Arrays.copyOfRange(s.units(), n, n + H);
            double[][] future = {Arrays.copyOfRange(s.price(), n, n + H), Arrays.copyOfRange(s.promo(), n, n + H)};
            long[] times = Arrays.copyOfRange(s.times(), n, n + H);
            long f0 = System.nanoTime();
            Forecast f = model.forecast(i, H, levels, future, times);
            forecastNanos += System.nanoTime() - f0;
            Forecast r = reg.forecast(i, H, levels, future, times);
            double[] sn = new double[H];
            for (int k = 0; k < H; k++) {
                sn[k] = history[n - 7 + k % 7];
                c80 += actual[k] >= f.lower()[0][k] && actual[k] <= f.upper()[0][k] ? 1 : 0;
                c95 += actual[k] >= f.lower()[1][k] && actual[k] <= f.upper()[1][k] ? 1 : 0;
                points++;
            }
            double scale = Accuracy.maseScale(history, 7);
            nn += HoldoutScore.mae(actual, f.mean()) / scale;
            rg += HoldoutScore.mae(actual, r.mean()) / scale;
            naive += HoldoutScore.mae(actual, sn) / scale;
            oracle += HoldoutScore.mae(actual, Arrays.copyOfRange(s.expected(), n, n + H)) / scale;
        }
        int m = skus.size();
        System.out.println("retail: " + model.description());
        System.out.printf("retail: %d SKUs x %d days, holdout %s..%s (Spring Festival 2026-02-17); fit neural %.1f s, regression %.1f s (%d threads)%n",
                m, frames.get(0).n(), LAST.minusDays(H - 1), LAST, fitSeconds, regSeconds, options.threads());
        System.out.printf("retail: MASE neural %.3f, regression %.3f, seasonal naive %.3f (neural/snaive %.3f); oracle %.3f%n",
                nn / m, rg / m, naive / m, nn / naive, oracle / m);
        System.out.printf("retail: neural interval coverage 80%%: %.3f, 95%%: %.3f; forecast %.0f rows/s (one thread, from stored tails)%n",
                c80 / (double) points, c95 / (double) points, points / (forecastNanos / 1e9));
        System.out.printf("retail: model %.1f MiB serialised%n", model.toBytes().length / 1048576.0);
    }

    private record M3(String id, LocalDate start, double[] train, double[] test) {
    }

    static void m3(Path dir, NeuralOptions options) throws Exception {
        List<M3> series = loadMonthly(dir);
        int h = 18;
        FeatureSpec spec = new FeatureSpec(h, 1, new int[] {6, 12}, HolidayCalendar.none(), List.of(), Set.of(), true,
                TimeKind.EPOCH_DAY);
        List<SeriesFrame> frames = new ArrayList<>();
        for (M3 s : series) {
            frames.add(new SeriesFrame(s.id(), months(s.start(), s.train().length), s.train(), new double[0][]));
        }
        long t0 = System.nanoTime();
        GlobalNeuralModel model = new NeuralFamily(options).fit(frames, spec, 42);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        double nn = 0;
        double naive = 0;
        double theta = 0;
        double[] levels = {80, 95};
        long t1 = System.nanoTime();
        for (M3 s : series) {
            int n = s.train().length;
            SeriesFrame f = new SeriesFrame(s.id(), months(s.start(), n + h), s.train(), new double[0][]);
            Forecast fc = model.forecast(f, h, levels);
            double[] sn = new double[h];
            for (int k = 0; k < h; k++) {
                sn[k] = s.train()[n - 12 + k % 12];
            }
            Forecast th = ModelFamilies.byMethod("theta").fit(TrainingSeries.of(s.train(), 12)).forecast(h, levels, null);
            double scale = Accuracy.maseScale(s.train(), 12);
            nn += HoldoutScore.mae(s.test(), fc.mean()) / scale;
            naive += HoldoutScore.mae(s.test(), sn) / scale;
            theta += HoldoutScore.mae(s.test(), th.mean()) / scale;
        }
        int m = series.size();
        System.out.println("m3: " + model.description());
        System.out.printf("m3: %d monthly series, h=%d: fit %.1f s; MASE neural %.3f, seasonal naive %.3f, theta %.3f (scoring %.1f s)%n",
                m, h, fitSeconds, nn / m, naive / m, theta / m, (System.nanoTime() - t1) / 1e9);
    }

    private static long[] months(LocalDate start, int count) {
        long[] t = new long[count];
        for (int i = 0; i < count; i++) {
            t[i] = start.plusMonths(i).toEpochDay();
        }
        return t;
    }

    private static List<M3> loadMonthly(Path dir) throws IOException {
        Map<String, LocalDate> starts = new LinkedHashMap<>();
        List<String> meta = Files.readAllLines(dir.resolve("meta.csv"));
        for (String line : meta.subList(1, meta.size())) {
            String[] c = line.split(",");
            if (c[3].equals("Monthly")) {
                String[] ym = c[5].split("-");
                int year = Integer.parseInt(ym[0]);
                // 29 series have no known start year ("1-01"): their month is kept, the year set to 2000
                starts.put(c[0], LocalDate.of(year < 1000 ? 2000 : year, Integer.parseInt(ym[1]), 1));
            }
        }
        Map<String, List<Double>> train = values(dir.resolve("train.csv"), starts.keySet());
        Map<String, List<Double>> test = values(dir.resolve("test.csv"), starts.keySet());
        List<M3> out = new ArrayList<>();
        for (Map.Entry<String, LocalDate> e : starts.entrySet()) {
            out.add(new M3(e.getKey(), e.getValue(), array(train.get(e.getKey())), array(test.get(e.getKey()))));
        }
        return out;
    }

    private static Map<String, List<Double>> values(Path csv, Set<String> keep) throws IOException {
        Map<String, List<Double>> out = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            if (keep.contains(c[0])) {
                out.computeIfAbsent(c[0], k -> new ArrayList<>()).add(Double.parseDouble(c[2]));
            }
        }
        return out;
    }

    private static double[] array(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

}
