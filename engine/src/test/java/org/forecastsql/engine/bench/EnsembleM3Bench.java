package org.forecastsql.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forecastsql.engine.backtest.RollingOriginBacktest;
import org.forecastsql.engine.ensemble.EnsembleBuilder;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.metrics.Metrics;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * The ensemble of ets, theta and arima on M3 next to each member alone: mean per-series sMAPE and
 * MASE (as R's scores_r.csv), pooled 80/95% coverage, CPU seconds per series.
 *
 * <pre>
 * mvn -q -pl engine test-compile
 * java -cp engine/target/classes:engine/target/test-classes org.forecastsql.engine.bench.EnsembleM3Bench ../shared/data/m3 10
 * </pre>
 * Arguments: the M3 folder and a stride (every n-th series; 1 = all 3003).
 */
public final class EnsembleM3Bench {
    private static final double[] LEVELS = {80, 95};
    private static final List<String> MEMBERS = List.of("ets", "theta", "arima");

    private EnsembleM3Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/m3");
        int stride = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Map<String, double[]> train = read(data.resolve("train.csv"));
        Map<String, double[]> test = read(data.resolve("test.csv"));
        List<String> meta = Files.readAllLines(data.resolve("meta.csv"));
        List<ModelFamily> members = MEMBERS.stream().map(ModelFamilies::byMethod).toList();
        Map<String, Map<String, double[]>> sums = new LinkedHashMap<>(); // method -> category -> {smape, mase, n}
        Map<String, Accuracy> pooled = new LinkedHashMap<>();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpu0 = cpu.getCurrentThreadCpuTime();
        int done = 0;
        for (int i = 1; i < meta.size(); i += stride) {
            String[] c = meta.get(i).split(",");
            String id = c[0];
            int m = Integer.parseInt(c[1]);
            int h = Integer.parseInt(c[2]);
            String category = c[3];
            double[] y = train.get(id);
            double[] actual = test.get(id);
            TrainingSeries s = TrainingSeries.of(y, m);
            List<RollingOriginBacktest.Result> bt = new ArrayList<>();
            for (ModelFamily f : members) {
                bt.add(RollingOriginBacktest.run(f, s, h, 3, Double.NaN));
            }
            EnsembleBuilder.Built b = EnsembleBuilder.build(s, members, bt, java.util.Map.of(), Double.NaN);
            double scale = Accuracy.maseScale(y, m);
            score(sums, pooled, "ensemble", category, b.model().forecast(h, LEVELS, new double[0][]), actual, scale);
            for (FittedModel member : b.model().members()) {
                score(sums, pooled, member.method(), category, member.forecast(h, LEVELS, new double[0][]), actual, scale);
            }
            done++;
        }
        double seconds = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("%d M3 series (every %d-th), CPU %.3f s per series (ensemble incl. 3 members x 3 backtest windows)%n",
                done, stride, seconds / done);
        System.out.printf("%-9s %-10s %6s %8s %7s %6s %6s%n", "method", "category", "n", "sMAPE", "MASE", "cov80", "cov95");
        for (var e : sums.entrySet()) {
            for (var cat : e.getValue().entrySet()) {
                double[] v = cat.getValue();
                Metrics p = cat.getKey().equals("ALL") ? pooled.get(e.getKey()).result() : null;
                System.out.printf("%-9s %-10s %6d %8.3f %7.3f %6s %6s%n", e.getKey(), cat.getKey(), (int) v[2], v[0] / v[2],
                        v[1] / v[2], p == null ? "" : String.format("%.3f", p.coverage80()),
                        p == null ? "" : String.format("%.3f", p.coverage95()));
            }
        }
    }

    private static void score(Map<String, Map<String, double[]>> sums, Map<String, Accuracy> pooled, String method,
                              String category, Forecast f, double[] actual, double scale) {
        Accuracy a = new Accuracy();
        for (int t = 0; t < actual.length; t++) {
            a.add(actual[t], f.mean()[t], scale, f.lower()[0][t], f.upper()[0][t], f.lower()[1][t], f.upper()[1][t]);
        }
        pooled.computeIfAbsent(method, k -> new Accuracy()).addAll(a);
        Metrics r = a.result();
        for (String cat : List.of("ALL", category)) {
            double[] v = sums.computeIfAbsent(method, k -> new LinkedHashMap<>()).computeIfAbsent(cat, k -> new double[3]);
            v[0] += r.smape();
            v[1] += r.mase();
            v[2]++;
        }
    }

    private static Map<String, double[]> read(Path p) throws java.io.IOException {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(p);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            values.computeIfAbsent(c[0], k -> new ArrayList<>()).add(Double.parseDouble(c[2]));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }
}
