package org.forecastsql.engine.bench;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.metrics.Metrics;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * ETS and Theta on the M3 competition data (3003 series), scored with {@link Accuracy} and
 * compared with R 4.2 / forecast 8.20 ({@code ets}, {@code thetaf}) on the same data.
 *
 * <p>Run (from the repository root, after {@code mvn -q -o -pl engine test-compile}):
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes org.forecastsql.engine.bench.EtsThetaM3Bench \
 *      [--data ../shared/data/m3] [--every K] [--offset O] [--points FILE] [--report FILE]
 * </pre>
 * {@code --every K --offset O} runs series O, O+K, O+2K, ... (one thread, as R was timed), so a
 * full run can be split into short shards; {@code --points FILE} appends every scored point
 * to FILE; {@code --report FILE} only aggregates such a file (all shards) and prints the table.
 * Printed: sMAPE, MASE, 80/95% coverage per category and overall (overall sMAPE and MASE are
 * means of the per-series values and coverage pools all points, as in R's table), CPU seconds per series,
 * R's figures from {@code peers/scores_r.csv}, and how often our chosen ETS form and our
 * forecasts agree with R's ({@code peers/fits_r.csv.gz}, {@code peers/forecasts_r_*.csv.gz}).
 */
public final class EtsThetaM3Bench {
    private static final String[] METHODS = {"ets", "theta"};
    private static final Map<String, String> R_NAME = Map.of("ets", "ets", "theta", "thetaf");

    private EtsThetaM3Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data/m3");
        int every = 1;
        int offset = 0;
        Path points = null;
        Path report = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--every" -> every = Integer.parseInt(args[++i]);
                case "--offset" -> offset = Integer.parseInt(args[++i]);
                case "--points" -> points = Path.of(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<String> rows = report != null ? Files.readAllLines(report) : run(data, every, offset);
        if (points != null) {
            Files.write(points, rows, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        print(data, rows);
    }

    private record Series(String id, int season, int horizon, String category, double[] train, double[] test) {
    }

    /** Fits every method on the selected series; one CSV row per scored point. */
    private static List<String> run(Path data, int every, int offset) throws IOException {
        List<Series> all = load(data);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<String> rows = new ArrayList<>();
        double[] levels = {80, 95};
        int done = 0;
        for (int k = offset; k < all.size(); k += every) {
            Series s = all.get(k);
            double scale = Accuracy.maseScale(s.train(), s.season());
            for (String method : METHODS) {
                ModelFamily fam = ModelFamilies.byMethod(method);
                long t0 = mx.getCurrentThreadCpuTime();
                String desc;
                Forecast f;
                try {
                    FittedModel model = fam.fit(TrainingSeries.of(s.train(), s.season()));
                    f = model.forecast(s.horizon(), levels, new double[0][]);
                    desc = model.description();
                } catch (ModelFitException e) {
                    desc = "failed: " + e.getMessage();
                    f = null;
                }
                long cpu = mx.getCurrentThreadCpuTime() - t0;
                for (int t = 0; t < s.horizon(); t++) {
                    double nan = Double.NaN;
                    rows.add(String.join(",", s.id(), s.category(), method, Double.toString(scale), Long.toString(cpu),
                            desc.replace(',', ';'), Integer.toString(t), Double.toString(s.test()[t]),
                            Double.toString(f == null ? nan : f.mean()[t]),
                            Double.toString(f == null ? nan : f.lower()[0][t]),
                            Double.toString(f == null ? nan : f.upper()[0][t]),
                            Double.toString(f == null ? nan : f.lower()[1][t]),
                            Double.toString(f == null ? nan : f.upper()[1][t])));
                }
            }
            done++;
        }
        System.err.printf(Locale.ROOT, "fitted %d series%n", done);
        return rows;
    }

    private static void print(Path data, List<String> rows) throws IOException {
        Map<String, Accuracy> acc = new TreeMap<>();
        Map<String, Long> cpu = new HashMap<>();
        Map<String, Integer> seriesCount = new HashMap<>();
        Map<String, String> desc = new HashMap<>();
        Map<String, double[]> ours = new HashMap<>();
        Map<String, Accuracy> perSeries = new LinkedHashMap<>();
        for (String r : rows) {
            String[] c = r.split(",");
            String method = c[2];
            int t = Integer.parseInt(c[6]);
            double actual = Double.parseDouble(c[7]);
            double fc = Double.parseDouble(c[8]);
            if (Double.isNaN(fc)) {
                continue;
            }
            for (String key : new String[] {method + "|" + c[1], method + "|ALL", method + "|" + c[0]}) {
                Map<String, Accuracy> target = key.endsWith("|" + c[0]) ? perSeries : acc;
                target.computeIfAbsent(key, x -> new Accuracy()).add(actual, fc, Double.parseDouble(c[3]),
                        Double.parseDouble(c[9]), Double.parseDouble(c[10]), Double.parseDouble(c[11]),
                        Double.parseDouble(c[12]));
            }
            if (t == 0) {
                cpu.merge(method, Long.parseLong(c[4]), Long::sum);
                seriesCount.merge(method, 1, Integer::sum);
                desc.put(c[0] + "|" + method, c[5].replace(';', ','));
            }
            ours.computeIfAbsent(c[0] + "|" + method + "|" + t, x -> new double[] {fc});
        }
        // As R's scores table: the ALL row's sMAPE and MASE are means of the per-series values
        // (categories have equal horizons, so there they equal the point means); coverage pools points.
        Map<String, double[]> seriesMean = new HashMap<>();
        for (Map.Entry<String, Accuracy> e : perSeries.entrySet()) {
            Metrics m = e.getValue().result();
            double[] a = seriesMean.computeIfAbsent(e.getKey().split("\\|")[0], x -> new double[4]);
            a[0] += m.smape();
            a[1]++;
            if (!Double.isNaN(m.mase())) {
                a[2] += m.mase();
                a[3]++;
            }
        }
        Map<String, String[]> rScores = readRScores(data.resolve("peers/scores_r.csv"));
        System.out.println("method  category    n_series  sMAPE    MASE    cov80   cov95  | R: sMAPE   MASE    cov80   cov95");
        for (Map.Entry<String, Accuracy> e : acc.entrySet()) {
            String[] k = e.getKey().split("\\|");
            Metrics m = e.getValue().result();
            String[] rs = rScores.get(R_NAME.get(k[0]) + "|" + k[1]);
            double[] sm = seriesMean.get(k[0]);
            boolean all = k[1].equals("ALL");
            System.out.printf(Locale.ROOT, "%-7s %-10s %9d %7.3f %7.3f %7.3f %7.3f  | %s%n", k[0], k[1],
                    countSeries(rows, k[0], k[1]), all ? sm[0] / sm[1] : m.smape(), all ? sm[2] / sm[3] : m.mase(),
                    m.coverage80(), m.coverage95(),
                    rs == null ? "" : String.format(Locale.ROOT, "%7.3f %7.3f %7.3f %7.3f", Double.parseDouble(rs[3]),
                            Double.parseDouble(rs[4]), Double.parseDouble(rs[7]), Double.parseDouble(rs[8])));
        }
        for (String method : METHODS) {
            if (acc.containsKey(method + "|ALL")) {
                String[] rs = rScores.get(R_NAME.get(method) + "|ALL");
                System.out.printf(Locale.ROOT, "%s: sMAPE over all points %.3f (R %s)%n", method,
                        acc.get(method + "|ALL").result().smape(), rs == null ? "-" : rs[13]);
            }
        }
        for (String method : METHODS) {
            if (seriesCount.containsKey(method)) {
                System.out.printf(Locale.ROOT, "%s: %.4f CPU s per series (fit + forecast, one thread), %d series%n", method,
                        cpu.get(method) / 1e9 / seriesCount.get(method), seriesCount.get(method));
            }
        }
        compareWithR(data, desc, ours);
    }

    private static int countSeries(List<String> rows, String method, String category) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String r : rows) {
            String[] c = r.split(",", 4);
            if (c[2].equals(method) && (category.equals("ALL") || c[1].equals(category))) {
                ids.add(c[0]);
            }
        }
        return ids.size();
    }

    /** Share of series with R's ETS form, and with forecasts within 0.1% of R's at every step. */
    private static void compareWithR(Path data, Map<String, String> desc, Map<String, double[]> ours) throws IOException {
        Path fits = data.resolve("peers/fits_r.csv.gz");
        if (!Files.exists(fits)) {
            return;
        }
        int same = 0;
        int total = 0;
        for (String line : readLines(fits)) {
            String[] c = line.replace("\"", "").split(",(?=(?:[^()]*\\([^()]*\\))*[^()]*$)");
            if (c.length < 4 || !c[1].equals("ets")) {
                continue;
            }
            String mine = desc.get(c[0] + "|ets");
            if (mine != null) {
                total++;
                if (mine.equals(c[3])) {
                    same++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "ets: chosen form equals R's for %d of %d series%n", same, total);
        Map<String, int[]> agree = new LinkedHashMap<>();
        for (String file : new String[] {"peers/forecasts_r_arima_ets.csv.gz", "peers/forecasts_r_theta_snaive_naive2.csv.gz"}) {
            Path p = data.resolve(file);
            if (!Files.exists(p)) {
                continue;
            }
            Map<String, Boolean> seriesOk = new HashMap<>();
            Map<String, Integer> firstTs = new HashMap<>();
            for (String line : readLines(p)) {
                String[] c = line.split(",");
                String method = c[2].equals("thetaf") ? "theta" : c[2];
                if (!method.equals("ets") && !method.equals("theta")) {
                    continue;
                }
                int ts = Integer.parseInt(c[1]);
                int t0 = firstTs.computeIfAbsent(c[0] + "|" + method, x -> ts);
                double[] mine = ours.get(c[0] + "|" + method + "|" + (ts - t0));
                if (mine == null) {
                    continue;
                }
                double r = Double.parseDouble(c[3]);
                boolean ok = Math.abs(mine[0] - r) <= 1e-3 * Math.max(Math.abs(r), 1e-6) + 1e-4;
                seriesOk.merge(c[0] + "|" + method, ok, Boolean::logicalAnd);
            }
            for (Map.Entry<String, Boolean> e : seriesOk.entrySet()) {
                int[] a = agree.computeIfAbsent(e.getKey().split("\\|")[1], x -> new int[2]);
                a[1]++;
                if (e.getValue()) {
                    a[0]++;
                }
            }
        }
        for (Map.Entry<String, int[]> e : agree.entrySet()) {
            System.out.printf(Locale.ROOT, "%s: forecasts within 0.1%% of R's at every step for %d of %d series%n",
                    e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
    }

    private static Map<String, String[]> readRScores(Path p) throws IOException {
        Map<String, String[]> out = new HashMap<>();
        if (Files.exists(p)) {
            for (String line : Files.readAllLines(p)) {
                String[] c = line.split(",");
                out.put(c[0] + "|" + c[1], c);
            }
        }
        return out;
    }

    private static List<String> readLines(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(new FileInputStream(p.toFile()));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            r.readLine();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                out.add(l);
            }
            return out;
        }
    }

    private static List<Series> load(Path data) throws IOException {
        Map<String, List<Double>> train = readValues(data.resolve("train.csv"));
        Map<String, List<Double>> test = readValues(data.resolve("test.csv"));
        List<Series> out = new ArrayList<>();
        List<String> meta = Files.readAllLines(data.resolve("meta.csv"));
        for (String line : meta.subList(1, meta.size())) {
            String[] c = line.split(",");
            int h = Integer.parseInt(c[2]);
            out.add(new Series(c[0], Integer.parseInt(c[1]), h, c[3], toArray(train.get(c[0])), toArray(test.get(c[0]))));
        }
        return out;
    }

    private static Map<String, List<Double>> readValues(Path p) throws IOException {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(p);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            out.computeIfAbsent(c[0], x -> new ArrayList<>()).add(Double.parseDouble(c[2]));
        }
        return out;
    }

    private static double[] toArray(List<Double> v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }

}
