package org.forecastsql.engine.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forecastsql.engine.backtest.RollingOriginBacktest;
import org.forecastsql.engine.ensemble.EnsembleBuilder;
import org.forecastsql.engine.ensemble.EnsembleFamily;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.metrics.Metrics;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * Fits one prepared series: chooses among the candidate methods by rolling-origin backtest,
 * fits the winner on the whole series, and falls back to simpler methods when the series is too
 * short or degenerate (seasonal naive → naive → mean), saying why. Global methods (fitted across
 * the batch beforehand) take part with their own backtest and fitted view.
 */
final class SeriesTrainer {
    private static final List<String> FALLBACKS = List.of("snaive", "naive", "mean");

    private SeriesTrainer() {
    }

    /**
     * @param fallbackReason why no candidate method could be used (null when one was)
     * @param skipped        candidates left out although one was used (e.g. "arima skipped: constant series"); may be empty
     */
    record Fit(FittedModel model, String method, String fallbackReason, String skipped, Accuracy backtest,
               Map<String, Accuracy> byMethod) {
    }

    /** A global method's result for this series: its fitted view and backtest (the local backtest's windows). */
    record GlobalFit(FittedModel model, RollingOriginBacktest.Result backtest) {
    }

    static Fit fit(TrainingSeries series, List<String> methods, int horizon, int folds, double lowerBound,
                   Map<String, GlobalFit> global, Map<String, String> globalSkipped) {
        return fit(series, methods, horizon, folds, lowerBound, global, globalSkipped, Map.of());
    }

    /** As above, the local families {@link ModelFamily#configured configured} with TRAIN_MODEL's family options. */
    static Fit fit(TrainingSeries series, List<String> methods, int horizon, int folds, double lowerBound,
                   Map<String, GlobalFit> global, Map<String, String> globalSkipped, Map<String, String> options) {
        List<String> reasons = new ArrayList<>();
        if (methods.equals(List.of(TrainSpec.BEST))) {
            List<String> all = new ArrayList<>(ModelFamilies.local().stream().map(ModelFamily::method).toList());
            all.addAll(global.keySet());
            methods = all;
        }
        if (methods.contains(EnsembleFamily.METHOD)) {
            List<String> members = methods.stream().filter(m -> !m.equals(EnsembleFamily.METHOD)).toList();
            if (members.isEmpty()) {
                List<String> all = new ArrayList<>(ModelFamilies.local().stream().map(ModelFamily::method).toList());
                all.addAll(global.keySet());
                members = all;
            }
            Fit ensemble = ensemble(series, members, horizon, folds, lowerBound, global, globalSkipped, reasons, options);
            if (ensemble != null) {
                return ensemble;
            }
            methods = members;
        }
        return choose(series, methods, horizon, folds, lowerBound, global, globalSkipped, reasons, options);
    }

    /** The backtest-weighted ensemble of the members that can fit the series; null (reason added) when fewer than two can. */
    private static Fit ensemble(TrainingSeries series, List<String> members, int horizon, int folds, double lowerBound,
                                Map<String, GlobalFit> global, Map<String, String> globalSkipped, List<String> reasons,
                                Map<String, String> options) {
        List<ModelFamily> eligible = eligible(series, members, global, globalSkipped, reasons, options);
        if (eligible.size() < 2) {
            reasons.add("ensemble skipped: fewer than two members can fit this series");
            return null;
        }
        Map<String, Accuracy> byMethod = new LinkedHashMap<>();
        List<RollingOriginBacktest.Result> results = new ArrayList<>();
        Map<String, FittedModel> prefitted = new LinkedHashMap<>();
        for (ModelFamily f : eligible) {
            RollingOriginBacktest.Result r = f.isGlobal() ? global.get(f.method()).backtest()
                    : RollingOriginBacktest.run(f, series, horizon, folds, lowerBound);
            if (f.isGlobal()) {
                prefitted.put(f.method(), global.get(f.method()).model());
            }
            results.add(r);
            byMethod.put(f.method(), r.accuracy());
        }
        try {
            EnsembleBuilder.Built b = EnsembleBuilder.build(series, eligible, results, prefitted, lowerBound);
            byMethod.put(EnsembleFamily.METHOD, b.backtest());
            List<String> notes = new ArrayList<>(dedupe(reasons));
            notes.add(b.notes());
            return new Fit(b.model(), EnsembleFamily.METHOD, null, String.join("; ", notes), b.backtest(), byMethod);
        } catch (ModelFitException | RuntimeException e) {
            reasons.add("ensemble failed: " + message(e));
            return null;
        }
    }

    /** The candidates that can be tried on this series; the others are explained in {@code reasons}. */
    private static List<ModelFamily> eligible(TrainingSeries series, List<String> methods, Map<String, GlobalFit> global,
                                              Map<String, String> globalSkipped, List<String> reasons, Map<String, String> options) {
        int n = series.length();
        boolean constant = isConstant(series.y());
        List<ModelFamily> candidates = new ArrayList<>();
        for (String m : methods) {
            ModelFamily f = ModelFamilies.byMethod(m);
            if (f.isGlobal()) {
                if (global.containsKey(m)) {
                    candidates.add(f);
                } else {
                    reasons.add(m + " skipped: " + globalSkipped.getOrDefault(m, "series too short"));
                }
            } else if (n < f.minLength(series.season())) {
                reasons.add(m + " needs at least " + f.minLength(series.season()) + " observations, series has " + n);
            } else if (constant && !isBaseline(m)) {
                reasons.add(m + " skipped: constant series");
            } else {
                candidates.add(f.configured(options));
            }
        }
        return candidates;
    }

    private static Fit choose(TrainingSeries series, List<String> methods, int horizon, int folds, double lowerBound,
                              Map<String, GlobalFit> global, Map<String, String> globalSkipped, List<String> reasons,
                              Map<String, String> options) {
        List<ModelFamily> candidates = eligible(series, methods, global, globalSkipped, reasons, options);
        Map<String, Accuracy> byMethod = new LinkedHashMap<>();
        global.forEach((m, g) -> {
            if (methods.contains(m)) {
                byMethod.put(m, g.backtest().accuracy());
            }
        });
        if (candidates.size() > 1) {
            for (ModelFamily f : candidates) {
                byMethod.computeIfAbsent(f.method(), k -> RollingOriginBacktest.run(f, series, horizon, folds, lowerBound).accuracy());
            }
            candidates.sort(Comparator.comparingDouble((ModelFamily f) -> score(byMethod.get(f.method()))[0])
                    .thenComparingDouble(f -> score(byMethod.get(f.method()))[1])
                    .thenComparingDouble(f -> score(byMethod.get(f.method()))[2]));
        }
        for (ModelFamily f : candidates) {
            try {
                FittedModel model = f.isGlobal() ? global.get(f.method()).model() : f.fit(series);
                Accuracy bt = byMethod.computeIfAbsent(f.method(),
                        k -> RollingOriginBacktest.run(f, series, horizon, folds, lowerBound).accuracy());
                return new Fit(model, f.method(), null, String.join("; ", dedupe(reasons)), bt, byMethod);
            } catch (ModelFitException | RuntimeException e) {
                reasons.add(f.method() + " failed: " + message(e));
            }
        }
        return fallback(series, horizon, folds, lowerBound, String.join("; ", dedupe(reasons)), byMethod);
    }

    /** Ranking key: backtests that ran first, then lower MASE, then lower sMAPE. */
    private static double[] score(Accuracy a) {
        Metrics m = a.result();
        return new double[] {m.n() == 0 ? 1 : 0, Double.isNaN(m.mase()) ? Double.POSITIVE_INFINITY : m.mase(),
            Double.isNaN(m.smape()) ? Double.POSITIVE_INFINITY : m.smape()};
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
