package org.forecastsql.engine.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.forecastsql.engine.arima.ArimaFamily;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.metrics.Metrics;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * Auto-ARIMA on the M3 competition data, scored as DESIGN §4 ({@link Accuracy}), next to R's
 * {@code auto.arima} forecasts of the same series (stored in {@code peers/forecasts_r_arima_ets.csv.gz},
 * R 4.2 / forecast 8.20) and R's per-series fit times ({@code peers/fits_r.csv.gz}).
 *
 * <p>Run (from the repository root, after {@code mvn -q -o -pl engine test-compile}):
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes org.forecastsql.engine.bench.ArimaM3Bench [m3dir] [every]
 * </pre>
 * {@code m3dir} defaults to {@code ../shared/data/m3}; {@code every = k} fits every k-th series
 * (k = 20 is the stratified sample that {@code src/test/resources/bench/auto_arima_m3_sample.R}
 * times in R); default 1 = all 3003. Single thread; CPU seconds from {@link ThreadMXBean}.
 * {@code -Dbench.dump=FILE} writes each series' chosen model and point forecasts (tab-separated), to
 * compare two builds series by series.
 */
public final class ArimaM3Bench {
    private record Series(String id, String category, int season, int horizon, double[] train, double[] test) {
    }

    private ArimaM3Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/m3");
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<Series> all = load(dir);
        List<Series> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += every) {
            sample.add(all.get(i));
        }
        Map<String, double[][]> rForecasts = loadR(dir.resolve("peers/forecasts_r_arima_ets.csv.gz"));
        Map<String, Double> rSeconds = loadRSeconds(dir.resolve("peers/fits_r.csv.gz"));
        Map<String, String> rModels = loadRModels(dir.resolve("peers/fits_r.csv.gz"));
        String showMismatches = System.getProperty("bench.mismatches", "");
        Map<String, int[]> sameModel = new TreeMap<>();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ArimaFamily family = new ArimaFamily();
        // JIT warm-up on series outside the sample (a long-running server is warm)
        int warm = 0;
        for (int i = every / 2; i < all.size() && warm < 150 && every > 1; i += every, warm++) {
            fitQuietly(family, all.get(i));
        }
        for (int i = 1; i < all.size() && warm < 150; i += 20, warm++) {
            fitQuietly(family, all.get(i));
        }
        Map<String, Accuracy> ours = new TreeMap<>();
        Map<String, Accuracy> theirs = new TreeMap<>();
        Map<String, double[]> cpu = new TreeMap<>();
        Map<String, double[]> seriesSmape = new TreeMap<>();
        Map<String, Map<String, Integer>> models = new TreeMap<>();
        int fallbacks = 0;
        String dumpPath = System.getProperty("bench.dump", "");
        java.io.PrintWriter dump = dumpPath.isEmpty() ? null : new java.io.PrintWriter(Files.newBufferedWriter(Path.of(dumpPath)));
        for (Series s : sample) {
            long t0 = mx.getCurrentThreadCpuTime();
            FittedModel model = fitModel(family, s);
            Forecast fc = model == null ? null : model.forecast(s.horizon, new double[] {80, 95}, new double[0][]);
            long t1 = mx.getCurrentThreadCpuTime();
            String rModel = rModels.get(s.id);
            boolean same = model != null && model.description().equals(rModel);
            for (String cat : new String[] {s.category, "ALL"}) {
                int[] v = sameModel.computeIfAbsent(cat, k -> new int[1]);
                v[0] += same ? 1 : 0;
            }
            if (!same && s.category.equals(showMismatches)) {
                System.out.println(s.id + " ours " + (model == null ? "-" : model.description()) + " R " + rModel);
            }
            if (dump != null) {
                dump.println(s.id + "\t" + (model == null ? "-" : model.description()) + "\t"
                        + (fc == null ? "-" : java.util.Arrays.toString(fc.mean())));
            }
            Forecast f = fc;
            if (f == null) {
                fallbacks++;
                f = naive(s);
            }
            double sec = (t1 - t0) / 1e9;
            for (String cat : new String[] {s.category, "ALL"}) {
                double[] c = cpu.computeIfAbsent(cat, k -> new double[3]);
                c[0] += sec;
                c[1] += rSeconds.getOrDefault(s.id, Double.NaN);
                c[2]++;
            }
            double scale = Accuracy.maseScale(s.train, s.season);
            double[][] r = rForecasts.get(s.id);
            Accuracy one = new Accuracy();
            Accuracy oneR = new Accuracy();
            for (int t = 0; t < s.horizon; t++) {
                one.add(s.test[t], f.mean()[t], scale, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                if (r != null) {
                    oneR.add(s.test[t], r[0][t], scale, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                }
            }
            for (String cat : new String[] {s.category, "ALL"}) {
                double[] v = seriesSmape.computeIfAbsent(cat, k -> new double[2]);
                v[0] += one.result().smape();
                v[1] += r == null ? Double.NaN : oneR.result().smape();
            }
            for (int t = 0; t < s.horizon; t++) {
                for (String cat : new String[] {s.category, "ALL"}) {
                    ours.computeIfAbsent(cat, k -> new Accuracy()).add(s.test[t], f.mean()[t], scale,
                            f.lower()[0][t], f.upper()[0][t], f.lower()[1][t], f.upper()[1][t]);
                    if (r != null) {
                        theirs.computeIfAbsent(cat, k -> new Accuracy()).add(s.test[t], r[0][t], scale, r[1][t], r[2][t], r[3][t], r[4][t]);
                    }
                }
            }
        }
        if (dump != null) {
            dump.close();
        }
        System.out.printf("M3 auto-ARIMA: %d series (every %d-th), %d fallbacks to naive%n", sample.size(), every, fallbacks);
        System.out.printf("%-10s %5s | %7s %7s %6s %5s %5s %9s | %7s %7s %6s %5s %5s %9s | %6s%n", "category", "n", "sMAPE", "sMAPE/s",
                "MASE", "c80", "c95", "cpu s/ser", "R sMAPE", "sMAPE/s", "MASE", "c80", "c95", "R s/ser", "ratio");
        for (String cat : cpu.keySet()) {
            Metrics a = ours.get(cat).result();
            Metrics b = theirs.containsKey(cat) ? theirs.get(cat).result() : null;
            double[] c = cpu.get(cat);
            double oursS = c[0] / c[2];
            double rS = c[1] / c[2];
            double[] ss = seriesSmape.get(cat);
            System.out.printf("%-10s %5d | %7.3f %7.3f %6.3f %5.3f %5.3f %9.5f | %7.3f %7.3f %6.3f %5.3f %5.3f %9.4f | %6.1f%n", cat, (int) c[2],
                    a.smape(), ss[0] / c[2], a.mase(), a.coverage80(), a.coverage95(), oursS,
                    b == null ? Double.NaN : b.smape(), ss[1] / c[2], b == null ? Double.NaN : b.mase(),
                    b == null ? Double.NaN : b.coverage80(), b == null ? Double.NaN : b.coverage95(), rS, rS / oursS);
        }
        for (Map.Entry<String, int[]> e : sameModel.entrySet()) {
            System.out.printf("%-10s same model as R (peers/fits_r.csv.gz): %d of %d%n", e.getKey(), e.getValue()[0], (int) cpu.get(e.getKey())[2]);
        }
        System.out.println("sMAPE: mean over all points (DESIGN §4, Accuracy); sMAPE/s: mean of per-series sMAPE (as peers/scores_r.csv 'sMAPE').");
        System.out.println("R columns: stored R 4.2 / forecast 8.20 forecasts and per-series fit seconds of the same series (peers/).");
    }

    private static Forecast fitQuietly(ArimaFamily family, Series s) {
        FittedModel m = fitModel(family, s);
        return m == null ? null : m.forecast(s.horizon, new double[] {80, 95}, new double[0][]);
    }

    private static FittedModel fitModel(ArimaFamily family, Series s) {
        try {
            return family.fit(TrainingSeries.of(s.train, s.season));
        } catch (ModelFitException | RuntimeException e) {
            return null;
        }
    }

    private static Forecast naive(Series s) {
        double[] mean = new double[s.horizon];
        double[] sd = new double[s.horizon];
        double last = s.train[s.train.length - 1];
        double ss = 0;
        for (int t = 1; t < s.train.length; t++) {
            ss += (s.train[t] - s.train[t - 1]) * (s.train[t] - s.train[t - 1]);
        }
        double sigma = Math.sqrt(ss / Math.max(1, s.train.length - 1));
        for (int t = 0; t < s.horizon; t++) {
            mean[t] = last;
            sd[t] = sigma * Math.sqrt(t + 1);
        }
        return Forecast.normal(mean, sd, new double[] {80, 95});
    }

    private static List<Series> load(Path dir) throws IOException {
        Map<String, List<Double>> train = readValues(dir.resolve("train.csv"));
        Map<String, List<Double>> test = readValues(dir.resolve("test.csv"));
        List<Series> out = new ArrayList<>();
        List<String> meta = Files.readAllLines(dir.resolve("meta.csv"), StandardCharsets.UTF_8);
        for (String line : meta.subList(1, meta.size())) {
            String[] f = line.split(",");
            String id = f[0];
            out.add(new Series(id, f[3], Integer.parseInt(f[1]), Integer.parseInt(f[2]), toArray(train.get(id)), toArray(test.get(id))));
        }
        return out;
    }

    private static Map<String, List<Double>> readValues(Path p) throws IOException {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            m.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
        }
        return m;
    }

    private static double[] toArray(List<Double> v) {
        double[] r = new double[v.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = v.get(i);
        }
        return r;
    }

    /** series_id → {mean, lo80, hi80, lo95, hi95}[h] of R's auto.arima. */
    private static Map<String, double[][]> loadR(Path p) throws IOException {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        if (!Files.exists(p)) {
            return Map.of();
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                if (!f[2].replace("\"", "").equals("auto.arima")) {
                    continue;
                }
                rows.computeIfAbsent(f[0].replace("\"", ""), k -> new ArrayList<>()).add(new double[] {
                    Double.parseDouble(f[1]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]), Double.parseDouble(f[7])});
            }
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            List<double[]> v = e.getValue();
            v.sort((a, b) -> Double.compare(a[0], b[0]));
            double[][] m = new double[5][v.size()];
            for (int t = 0; t < v.size(); t++) {
                for (int k = 0; k < 5; k++) {
                    m[k][t] = v.get(t)[k + 1];
                }
            }
            out.put(e.getKey(), m);
        }
        return out;
    }

    private static Map<String, String> loadRModels(Path p) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.exists(p)) {
            return out;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\"");
                // "id","model",seconds,"method",fallback
                if (f.length > 5 && f[3].equals("auto.arima")) {
                    out.put(f[1], f[5]);
                }
            }
        }
        return out;
    }

    private static Map<String, Double> loadRSeconds(Path p) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!Files.exists(p)) {
            return out;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                if (f[1].replace("\"", "").equals("auto.arima")) {
                    out.put(f[0].replace("\"", ""), Double.parseDouble(f[2]));
                }
            }
        }
        return out;
    }
}
