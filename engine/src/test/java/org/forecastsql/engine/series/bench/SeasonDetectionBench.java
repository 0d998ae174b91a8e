package org.forecastsql.engine.series.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.forecastsql.engine.series.SeasonDetector;
import org.forecastsql.engine.series.SeasonDetector.Transform;

/**
 * Compares the season-detection variants (ACF on the raw series, on the linearly detrended series,
 * on first differences; one- or two-sided test) on generated series with a known answer.
 *
 * <pre>
 * cd engine && mvn -q -o test-compile && java -cp target/classes:target/test-classes \
 *     org.forecastsql.engine.series.bench.SeasonDetectionBench [runs]
 * # M4-reference mode: print "id,season" for M3 monthly/quarterly series (RAW, two-sided), to diff with R:
 * java -cp ... org.forecastsql.engine.series.bench.SeasonDetectionBench m3 /work/shared/data/m3
 * </pre>
 */
public final class SeasonDetectionBench {
    private SeasonDetectionBench() {
    }

    /** One scenario: a generator of series and the season a good detector returns. */
    private record Scenario(String name, int expected, int[] candidates, SeriesMaker maker) {
    }

    private interface SeriesMaker {
        double[] make(Random rnd);
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("m3")) {
            m3(Path.of(args[1]));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int[] daily = {7, 365};
        int[] monthly = {12};
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("daily 2y, trend + weekly (amp 0.5 sd)", 7, daily,
                r -> gen(r, 730, 0.05, 0, 0.5, 7, 0, 365)));
        scenarios.add(new Scenario("daily 2y, strong trend + weekly (amp 0.5 sd)", 7, daily,
                r -> gen(r, 730, 0.5, 0, 0.5, 7, 0, 365)));
        scenarios.add(new Scenario("daily 2y, random walk + weekly (amp 1 sd)", 7, daily,
                r -> gen(r, 730, 0, 1, 1, 7, 0, 365)));
        scenarios.add(new Scenario("daily 2y, trend + weak weekly (amp 0.25 sd)", 7, daily,
                r -> gen(r, 730, 0.05, 0, 0.25, 7, 0, 365)));
        scenarios.add(new Scenario("daily 3y, yearly (amp 3 sd) + weekly (amp 1 sd)", 7, daily,
                r -> gen(r, 1095, 0, 0, 1, 7, 3, 365)));
        scenarios.add(new Scenario("daily 3y, yearly (amp 3 sd) only", 365, daily,
                r -> gen(r, 1095, 0, 0, 0, 7, 3, 365)));
        scenarios.add(new Scenario("daily 3y, yearly spikes (+5 sd, 10 days) only", 365, daily,
                r -> spikes(gen(r, 1095, 0, 0, 0, 7, 0, 365), 5)));
        scenarios.add(new Scenario("daily 3y, yearly spikes (+5 sd) + weekly (amp 1 sd)", 7, daily,
                r -> spikes(gen(r, 1095, 0, 0, 1, 7, 0, 365), 5)));
        scenarios.add(new Scenario("daily 3y, yearly spikes (+10 sd) + weekly (amp 1 sd)", 365, daily,
                r -> spikes(gen(r, 1095, 0, 0, 1, 7, 0, 365), 10)));
        scenarios.add(new Scenario("daily 2y, white noise", 1, daily, r -> gen(r, 730, 0, 0, 0, 7, 0, 365)));
        scenarios.add(new Scenario("daily 2y, random walk", 1, daily, r -> gen(r, 730, 0, 1, 0, 7, 0, 365)));
        scenarios.add(new Scenario("daily 2y, trend + noise", 1, daily, r -> gen(r, 730, 0.05, 0, 0, 7, 0, 365)));
        scenarios.add(new Scenario("monthly 10y, trend + seasonal (amp 1 sd)", 12, monthly,
                r -> gen(r, 120, 0.3, 0, 1, 12, 0, 12)));
        scenarios.add(new Scenario("monthly 6y, random walk + seasonal (amp 1 sd)", 12, monthly,
                r -> gen(r, 72, 0, 1, 1, 12, 0, 12)));
        scenarios.add(new Scenario("monthly 6y, random walk", 1, monthly, r -> gen(r, 72, 0, 1, 0, 12, 0, 12)));
        scenarios.add(new Scenario("monthly 6y, white noise", 1, monthly, r -> gen(r, 72, 0, 0, 0, 12, 0, 12)));

        Map<String, boolean[]> variants = new LinkedHashMap<>();
        System.out.printf("%-50s %8s", "scenario (" + runs + " runs each): % detecting the expected season", "expected");
        for (Transform t : Transform.values()) {
            for (boolean one : new boolean[] {false, true}) {
                String v = t.name().toLowerCase() + (one ? "/1s" : "/2s");
                variants.put(v, new boolean[] {one});
                System.out.printf(" %10s", v);
            }
        }
        System.out.println();
        double[] worst = new double[variants.size()];
        java.util.Arrays.fill(worst, 100);
        double[] mean = new double[variants.size()];
        for (Scenario s : scenarios) {
            System.out.printf("%-50s %8d", s.name(), s.expected());
            int vi = 0;
            for (Transform t : Transform.values()) {
                for (boolean one : new boolean[] {false, true}) {
                    Random rnd = new Random(20261128L);
                    int hits = 0;
                    for (int i = 0; i < runs; i++) {
                        int[] found = SeasonDetector.detectAll(s.maker().make(rnd), s.candidates(), t, one);
                        int got = found.length == 0 ? 1 : found[0];
                        if (got == s.expected()) {
                            hits++;
                        }
                    }
                    double pct = 100.0 * hits / runs;
                    worst[vi] = Math.min(worst[vi], pct);
                    mean[vi] += pct / scenarios.size();
                    vi++;
                    System.out.printf(" %10.1f", pct);
                }
            }
            System.out.println();
        }
        System.out.printf("%-50s %8s", "mean", "");
        for (double m : mean) {
            System.out.printf(" %10.1f", m);
        }
        System.out.println();
        System.out.printf("%-50s %8s", "worst", "");
        for (double w : worst) {
            System.out.printf(" %10.1f", w);
        }
        System.out.println();
    }

    /** Adds {@code size} to days 340..349 of every year (a holiday season). */
    static double[] spikes(double[] y, double size) {
        for (int t = 0; t < y.length; t++) {
            if (t % 365 >= 340 && t % 365 < 350) {
                y[t] += size;
            }
        }
        return y;
    }

    /**
     * level 100 + slope·t + random walk (sd rw) + weekly-like pattern of period p1 (a fixed random
     * shape scaled to amplitude a1) + sine of period p2 with amplitude a2 + N(0, 1) noise.
     */
    static double[] gen(Random r, int n, double slope, double rw, double a1, int p1, double a2, int p2) {
        double[] shape = new double[p1];
        double ss = 0;
        double mean = 0;
        for (int k = 0; k < p1; k++) {
            shape[k] = r.nextGaussian();
            mean += shape[k] / p1;
        }
        for (int k = 0; k < p1; k++) {
            shape[k] -= mean;
            ss += shape[k] * shape[k];
        }
        double norm = Math.sqrt(ss / p1);
        double walk = 0;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            walk += rw * r.nextGaussian();
            y[t] = 100 + slope * t + walk + a1 * shape[t % p1] / norm + a2 * Math.sin(2 * Math.PI * t / p2) + r.nextGaussian();
        }
        return y;
    }

    /**
     * For M3 monthly (m = 12) and quarterly (m = 4) series: prints {@code id,season} per variant
     * (reference RAW two-sided, then the default) to diff with R, and to stderr the sMAPE of the
     * M4 Naive2 benchmark (naive on the multiplicatively deseasonalised series when the test says
     * seasonal) with each variant's decision: the test's job in M4, judged on the M3 test data.
     */
    static void m3(Path dir) throws IOException {
        Map<String, int[]> meta = new LinkedHashMap<>();
        List<String> metaLines = Files.readAllLines(dir.resolve("meta.csv"));
        for (String line : metaLines.subList(1, metaLines.size())) {
            String[] f = line.split(",");
            int m = Integer.parseInt(f[1]);
            if (m == 4 || m == 12) {
                meta.put(f[0], new int[] {m, Integer.parseInt(f[2])});
            }
        }
        Map<String, List<Double>> train = read(dir.resolve("train.csv"), meta);
        Map<String, List<Double>> test = read(dir.resolve("test.csv"), meta);
        String[] names = {"raw/2s (M4)", "raw/1s", "detrend/1s", "diff/2s", "diff/1s", "never seasonal", "always seasonal", "raw/2s or diff/1s", "detrend/2s", "auto/1s (default)", "auto/2s"};
        double[][] smape = new double[names.length][2];
        int[][] count = new int[names.length][2];
        int[][] seasonal = new int[names.length][2];
        for (Map.Entry<String, List<Double>> e : train.entrySet()) {
            double[] y = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            double[] actual = test.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
            int m = meta.get(e.getKey())[0];
            int[] c = {m};
            boolean[] decisions = {
                SeasonDetector.detectAll(y, c, Transform.RAW, false).length > 0,
                SeasonDetector.detectAll(y, c, Transform.RAW, true).length > 0,
                SeasonDetector.detectAll(y, c, Transform.DETREND, true).length > 0,
                SeasonDetector.detectAll(y, c, Transform.DIFF, false).length > 0,
                SeasonDetector.detect(y, c) == m,
                false,
                y.length >= 2 * m,
                SeasonDetector.detectAll(y, c, Transform.RAW, false).length > 0 || SeasonDetector.detect(y, c) == m,
                SeasonDetector.detectAll(y, c, Transform.DETREND, false).length > 0,
                SeasonDetector.detectAll(y, c, Transform.AUTO, true).length > 0,
                SeasonDetector.detectAll(y, c, Transform.AUTO, false).length > 0,
            };
            System.out.println(e.getKey() + "," + (decisions[0] ? m : 1) + "," + (decisions[4] ? m : 1));
            int cat = m == 12 ? 0 : 1;
            for (int v = 0; v < names.length; v++) {
                double[] f = naive2(y, m, decisions[v], actual.length);
                double s = 0;
                for (int h = 0; h < actual.length; h++) {
                    s += 200 * Math.abs(actual[h] - f[h]) / (Math.abs(actual[h]) + Math.abs(f[h]));
                }
                smape[v][cat] += s / actual.length;
                count[v][cat]++;
                seasonal[v][cat] += decisions[v] ? 1 : 0;
            }
        }
        System.err.printf("%-20s %12s %10s %12s %10s%n", "Naive2 decision", "monthly", "seasonal", "quarterly", "seasonal");
        for (int v = 0; v < names.length; v++) {
            System.err.printf("%-20s %12.3f %10d %12.3f %10d%n", names[v], smape[v][0] / count[v][0], seasonal[v][0],
                    smape[v][1] / count[v][1], seasonal[v][1]);
        }
    }

    private static Map<String, List<Double>> read(Path file, Map<String, int[]> keep) throws IOException {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (keep.containsKey(f[0])) {
                values.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
            }
        }
        return values;
    }

    /**
     * M4's Naive2: when seasonal, divide by the multiplicative seasonal figure of R's
     * {@code decompose} (centred moving average, position means, normalised to mean 1), forecast
     * the last adjusted value, and multiply back by the last season's figures.
     */
    static double[] naive2(double[] y, int m, boolean seasonal, int h) {
        int n = y.length;
        double[] si = new double[n];
        java.util.Arrays.fill(si, 1);
        if (seasonal) {
            double[] trend = new double[n];
            java.util.Arrays.fill(trend, Double.NaN);
            int half = m / 2;
            for (int t = half; t + half < n + (m % 2 == 0 ? 0 : 0) && t + half <= n - 1; t++) {
                double s = 0;
                if (m % 2 == 0) {
                    s = 0.5 * y[t - half] + 0.5 * y[t + half];
                    for (int k = -half + 1; k < half; k++) {
                        s += y[t + k];
                    }
                } else {
                    for (int k = -half; k <= half; k++) {
                        s += y[t + k];
                    }
                }
                trend[t] = s / m;
            }
            double[] figure = new double[m];
            for (int i = 0; i < m; i++) {
                double sum = 0;
                int c = 0;
                for (int t = i; t < n; t += m) {
                    if (!Double.isNaN(trend[t])) {
                        sum += y[t] / trend[t];
                        c++;
                    }
                }
                figure[i] = sum / c;
            }
            double mean = 0;
            for (double v : figure) {
                mean += v / m;
            }
            for (int t = 0; t < n; t++) {
                si[t] = figure[t % m] / mean;
            }
        }
        double last = y[n - 1] / si[n - 1];
        double[] f = new double[h];
        for (int k = 0; k < h; k++) {
            f[k] = last * (seasonal ? si[n - m + (k % m)] : 1);
        }
        return f;
    }
}
