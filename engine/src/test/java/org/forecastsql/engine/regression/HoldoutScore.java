package org.forecastsql.engine.regression;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.model.Forecast;

/**
 * A model's forecasts of the generator's last {@code h} days scored as the global-model tests
 * need: mean per-SKU MASE (M4 scaling, season 7) of the model, of seasonal naive and of the
 * oracle (the true mean demand), and the pooled 80%/95% interval coverage.
 */
public record HoldoutScore(double mase, double snaiveMase, double oracleMase, double coverage80, double coverage95) {

    /**
     * @param forecastOf the forecast of SKU {@code i} over its last {@code h} days (levels 80, 95)
     * @param check      run on every forecast (per-forecast assertions)
     */
    public static HoldoutScore of(List<RetailGenerator.Sku> skus, int h, IntFunction<Forecast> forecastOf,
                                  Consumer<Forecast> check) {
        double model = 0;
        double snaive = 0;
        double oracle = 0;
        int covered80 = 0;
        int covered95 = 0;
        int points = 0;
        for (int i = 0; i < skus.size(); i++) {
            RetailGenerator.Sku s = skus.get(i);
            int n = s.units().length - h;
            double[] history = Arrays.copyOf(s.units(), n);
            double[] actual = Arrays.copyOfRange(s.units(), n, n + h);
            Forecast f = forecastOf.apply(i);
            check.accept(f);
            double[] naive = new double[h];
            for (int k = 0; k < h; k++) {
                naive[k] = history[n - 7 + k % 7];
                covered80 += actual[k] >= f.lower()[0][k] && actual[k] <= f.upper()[0][k] ? 1 : 0;
                covered95 += actual[k] >= f.lower()[1][k] && actual[k] <= f.upper()[1][k] ? 1 : 0;
                points++;
            }
            double scale = Accuracy.maseScale(history, 7);
            model += mae(actual, f.mean()) / scale;
            snaive += mae(actual, naive) / scale;
            oracle += mae(actual, Arrays.copyOfRange(s.expected(), n, n + h)) / scale;
        }
        int m = skus.size();
        return new HoldoutScore(model / m, snaive / m, oracle / m, covered80 / (double) points, covered95 / (double) points);
    }

    /** Mean absolute error of {@code f} against {@code a}. */
    public static double mae(double[] a, double[] f) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += Math.abs(a[k] - f[k]);
        }
        return s / a.length;
    }
}
