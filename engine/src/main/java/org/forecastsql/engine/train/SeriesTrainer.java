package org.forecastsql.engine.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forecastsql.engine.backtest.RollingOriginBacktest;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * Fits one prepared series: chooses among the candidate methods by rolling-origin backtest,
 * fits the winner on the whole series, and falls back to simpler methods when the series is too
 * short or degenerate (seasonal naive → naive → mean), saying why.
 */
final class SeriesTrainer {
    private static final List<String> FALLBACKS = List.of("snaive", "naive", "mean");

    private SeriesTrainer() {
    }

    /** The chosen fit of one series. */
    /**
     * @param fallbackReason why no candidate method could be used (null when one was)
     * @param skipped        candidates left out although one was used (e.g. "arima: constant series"); may be empty
     */
    record Fit(FittedModel model, String method, String fallbackReason, String skipped, Accuracy backtest,
               Map<String, Accuracy> byMethod) {
    }

    static Fit fit(TrainingSeries series, List<String> methods, int horizon, int folds, double lowerBound) {
        int n = series.length();
        boolean constant = isConstant(series.y());
        List<ModelFamily> candidates = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String m : methods) {
            ModelFamily f = ModelFamilies.byMethod(m);
            if (n < f.minLength(series.season())) {
                reasons.add(m + " needs at least " + f.minLength(series.season()) + " observations, series has " + n);
            } else if (constant && !isBaseline(m)) {
                reasons.add(m + " skipped: constant series");
            } else {
                candidates.add(f);
            }
        }
        Map<String, Accuracy> byMethod = new LinkedHashMap<>();
        if (candidates.size() > 1) {
            candidates = rankByBacktest(candidates, series, horizon, folds, lowerBound, byMethod);
        }
        for (ModelFamily f : candidates) {
            try {
                FittedModel model = f.fit(series);
                Accuracy bt = byMethod.computeIfAbsent(f.method(),
                        k -> RollingOriginBacktest.run(f, series, horizon, folds, lowerBound).accuracy());
                return new Fit(model, f.method(), null, String.join("; ", dedupe(reasons)), bt, byMethod);
            } catch (ModelFitException | RuntimeException e) {
                reasons.add(f.method() + " failed: " + message(e));
            }
        }
        return fallback(series, horizon, folds, lowerBound, String.join("; ", dedupe(reasons)), byMethod);
    }

    private static Fit fallback(TrainingSeries series, int horizon, int folds, double lowerBound, String reason,
                                Map<String, Accuracy> byMethod) {
        for (String m : FALLBACKS) {
            ModelFamily f = ModelFamilies.byMethod(m);
            if (m.equals("snaive") && series.season() < 2) {
                continue;
            }
            if (series.length() < f.minLength(series.season())) {
                continue;
            }
            try {
                FittedModel model = f.fit(series);
                Accuracy bt = RollingOriginBacktest.run(f, series, horizon, folds, lowerBound).accuracy();
                byMethod.putIfAbsent(m, bt);
                return new Fit(model, m, reason.isEmpty() ? "no candidate method could be fitted" : reason, "", bt, byMethod);
            } catch (ModelFitException | RuntimeException e) {
                reason = reason + "; " + m + " failed: " + message(e);
            }
        }
        throw new IllegalStateException("no method could fit a series of " + series.length() + " observations: " + reason);
    }

    /** Backtests every candidate; returns them best first (lowest MASE, then sMAPE, then given order). */
    private static List<ModelFamily> rankByBacktest(List<ModelFamily> candidates, TrainingSeries series, int horizon,
                                                    int folds, double lowerBound, Map<String, Accuracy> byMethod) {
        List<ModelFamily> ranked = new ArrayList<>(candidates);
        Map<ModelFamily, double[]> score = new LinkedHashMap<>();
        for (ModelFamily f : candidates) {
            RollingOriginBacktest.Result r = RollingOriginBacktest.run(f, series, horizon, folds, lowerBound);
            byMethod.put(f.method(), r.accuracy());
            var m = r.accuracy().result();
            double mase = Double.isNaN(m.mase()) ? Double.POSITIVE_INFINITY : m.mase();
            double smape = Double.isNaN(m.smape()) ? Double.POSITIVE_INFINITY : m.smape();
            score.put(f, new double[] {r.windows() == 0 ? 1 : 0, mase, smape});
        }
        ranked.sort((a, b) -> {
            double[] x = score.get(a);
            double[] y = score.get(b);
            for (int i = 0; i < x.length; i++) {
                int c = Double.compare(x[i], y[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return ranked;
    }

    private static boolean isBaseline(String method) {
        return method.equals("naive") || method.equals("snaive") || method.equals("mean") || method.equals("drift");
    }

    static boolean isConstant(double[] y) {
        for (int t = 1; t < y.length; t++) {
            if (y[t] != y[0]) {
                return false;
            }
        }
        return true;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static List<String> dedupe(List<String> reasons) {
        return reasons.stream().distinct().toList();
    }
}
