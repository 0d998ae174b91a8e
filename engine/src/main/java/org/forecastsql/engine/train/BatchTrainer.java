package org.forecastsql.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.forecastsql.engine.ensemble.EnsembleFamily;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.model.GlobalFamily;
import org.forecastsql.engine.model.GlobalModel;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.SharedModels;
import org.forecastsql.engine.model.TrainingSeries;
import org.forecastsql.engine.series.Frequency;
import org.forecastsql.engine.series.FrequencyDetector;
import org.forecastsql.engine.series.SeasonDetector;
import org.forecastsql.engine.regression.RegressionFamily;
import org.forecastsql.engine.series.SeriesRegularizer;
import org.forecastsql.engine.series.TimeEncoding;

/**
 * Trains every series of a batch: groups the scanned rows by series, puts each series on a
 * regular time grid, detects its season, then fits and backtests the series in parallel on all
 * cores ({@link SeriesTrainer}).
 */
public final class BatchTrainer {
    private BatchTrainer() {
    }

    /** A series on its regular grid, ready for fitting. */
    private record Prepared(SeriesRegularizer.Regularized grid, double[] y, int season, int[] otherSeasons, String notes, boolean empty) {
    }

    public static BatchResult train(RawBatch raw, TrainSpec spec) {
        return train(raw, spec, () -> false);
    }

    /**
     * Trains the batch, giving up between series when {@code cancelled} turns true.
     *
     * @throws CancellationException when cancelled; nothing is kept
     */
    public static BatchResult train(RawBatch raw, TrainSpec spec, BooleanSupplier cancelled) {
        int[] offsets = new int[raw.seriesCount() + 1];
        int[] rows = groupRows(raw, offsets);
        Frequency freq = spec.frequency() != null ? spec.frequency()
                : FrequencyDetector.infer(distinctSorted(raw.time()), raw.encoding());
        int[] candidates = freq.seasonCandidates();

        Prepared[] prepared = new Prepared[raw.seriesCount()];
        IntStream.range(0, raw.seriesCount()).parallel().forEach(s ->
                prepared[s] = prepare(raw, rows, offsets[s], offsets[s + 1], freq, spec, candidates));

        int horizon = spec.horizon() > 0 ? spec.horizon() : Math.max(7, 2 * commonSeason(prepared));
        Map<String, String> globalSkipped = new LinkedHashMap<>();
        Map<String, GlobalStage> stages = new LinkedHashMap<>();
        boolean daily = (freq.equals(Frequency.DAILY) || freq.equals(Frequency.HOURLY)) && raw.encoding() != TimeEncoding.INTEGER;
        for (GlobalFamily family : globalFamilies(spec.methods(), daily)) {
            GlobalStage.Shape shape;
            try {
                shape = GlobalStage.Shape.of(freq, raw.encoding());
            } catch (IllegalArgumentException e) {
                if (spec.methods().size() == 1) {
                    throw new IllegalArgumentException("methods=" + family.method() + ": " + e.getMessage(), e);
                }
                globalSkipped.put(family.method(), e.getMessage());
                continue;
            }
            checkCancelled(cancelled);
            GlobalStage stage = globalStage(family, shape, prepared, raw, freq, spec, horizon, globalSkipped, cancelled);
            if (stage != null) {
                stages.put(family.method(), stage);
            }
        }
        SeriesOutcome[] out = new SeriesOutcome[raw.seriesCount()];
        IntStream.range(0, raw.seriesCount()).parallel().forEach(s -> {
            checkCancelled(cancelled);
            Map<String, SeriesTrainer.GlobalFit> g = new LinkedHashMap<>();
            stages.forEach((m, stage) -> {
                if (stage.covers(s)) {
                    g.put(m, new SeriesTrainer.GlobalFit(stage.modelOf(s), stage.backtest(s)));
                }
            });
            out[s] = fit(prepared[s], spec, horizon, freq, raw.encoding(), raw.covariateNames(), g, globalSkipped);
        });

        Accuracy overall = new Accuracy();
        Map<String, Accuracy> byMethod = new LinkedHashMap<>();
        for (SeriesOutcome o : out) {
            overall.addAll(o.backtest());
            o.byMethod().forEach((m, a) -> byMethod.computeIfAbsent(m, k -> new Accuracy()).addAll(a));
        }
        Map<String, GlobalModel> shared = new LinkedHashMap<>();
        StringBuilder backend = new StringBuilder("cpu-java");
        stages.forEach((m, stage) -> {
            shared.put(m, stage.model());
            if (!stage.model().backend().equals("cpu-java")) {
                backend.append("; ").append(m).append(": ").append(stage.model().backend());
            }
        });
        return new BatchResult(freq, horizon, out, overall, byMethod, backend.toString(), SharedModels.encode(shared));
    }

    /**
     * The global families to fit: those named in {@code methods}; for the default ensemble alone
     * ({@code methods=auto}) and for {@code methods=best}, the global regression when the data is daily or hourly (the neural
     * network, costlier to train, only when named).
     */
    private static List<GlobalFamily> globalFamilies(List<String> methods, boolean daily) {
        List<GlobalFamily> out = new ArrayList<>();
        for (String m : methods) {
            if (ModelFamilies.exists(m) && ModelFamilies.byMethod(m) instanceof GlobalFamily g) {
                out.add(g);
            }
        }
        if (daily && (methods.equals(List.of(EnsembleFamily.METHOD)) || methods.equals(List.of(TrainSpec.BEST)))) {
            out.add((GlobalFamily) ModelFamilies.byMethod(RegressionFamily.METHOD));
        }
        return out;
    }

    /** Fits a global family across the series; null (and the reason recorded) when it cannot be fitted. */
    private static GlobalStage globalStage(GlobalFamily family, GlobalStage.Shape shape, Prepared[] prepared, RawBatch raw,
                                           Frequency freq, TrainSpec spec, int horizon, Map<String, String> skipped,
                                           BooleanSupplier cancelled) {
        int n = prepared.length;
        double[][] y = new double[n][];
        double[][][] x = new double[n][][];
        long[][] times = new long[n][];
        int[] season = new int[n];
        for (int s = 0; s < n; s++) {
            Prepared p = prepared[s];
            y[s] = p.empty() ? null : p.y();
            x[s] = p.grid().x() == null ? new double[0][] : p.grid().x();
            season[s] = p.season();
            if (!p.empty()) {
                times[s] = new long[p.y().length + horizon];
                for (int t = 0; t < times[s].length; t++) {
                    times[s][t] = p.grid().timeAt(t, freq, raw.encoding());
                }
            }
        }
        double lowerBound = spec.lowerBound() == TrainSpec.AUTO_LOWER_BOUND ? 0 : spec.lowerBound();
        try {
            return GlobalStage.run(family.configured(spec.familyOptions()), y, x, times, season, shape,
                    Arrays.asList(raw.covariateNames()), spec.pastCovariates(), spec.holidays(),
                    horizon, spec.folds(), lowerBound, spec.seed(), cancelled);
        } catch (CancellationException e) {
            throw e;
        } catch (ModelFitException | RuntimeException e) {
            skipped.put(family.method(), e.getMessage());
            return null;
        }
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("training cancelled");
        }
    }

    private static Prepared prepare(RawBatch raw, int[] rows, int from, int to, Frequency freq, TrainSpec spec,
                                    int[] candidates) {
        SeriesRegularizer.Regularized g = SeriesRegularizer.regularize(raw.time(), raw.target(), raw.covariates(), rows,
                from, to, freq, raw.encoding(), spec.fill());
        double[] y = g.y().clone();
        int missing = 0;
        for (double v : y) {
            if (Double.isNaN(v)) {
                missing++;
            }
        }
        boolean empty = missing == y.length;
        if (!empty && missing > 0) {
            SeasonDetector.interpolateMissing(y);
        }
        int season = switch (spec.season().mode()) {
            case NONE -> 1;
            case FIXED -> spec.season().primary();
            case AUTO -> empty ? 1 : SeasonDetector.detect(y, candidates);
        };
        // secondary seasons (ARIMA adds Fourier terms for them): the explicit longer lengths; under auto, the yearly season of daily data
        int[] longer = spec.season().mode() == SeasonSpec.Mode.FIXED ? spec.season().lengths()
                : spec.season().mode() == SeasonSpec.Mode.AUTO && freq.equals(Frequency.DAILY) ? candidates : new int[0];
        int[] others = Arrays.stream(longer).filter(m -> m > season && y.length >= 2 * m).toArray();
        StringBuilder notes = new StringBuilder();
        if (g.duplicates() > 0) {
            notes.append("; ").append(g.duplicates()).append(" duplicate timestamps summed");
        }
        if (g.gapsFilled() > 0) {
            notes.append("; ").append(g.gapsFilled()).append(" missing periods filled (")
                    .append(spec.fill().name().toLowerCase(java.util.Locale.ROOT)).append(')');
        }
        if (!empty && missing > 0) {
            notes.append("; ").append(missing).append(" missing targets interpolated");
        }
        if (g.offGrid() > 0) {
            notes.append("; ").append(g.offGrid()).append(" rows off the ").append(freq.label()).append(" grid ignored");
        }
        return new Prepared(g, y, season, others, notes.toString(), empty);
    }

    private static SeriesOutcome fit(Prepared p, TrainSpec spec, int horizon, Frequency freq,
                                     TimeEncoding enc, String[] covariateNames,
                                     Map<String, SeriesTrainer.GlobalFit> global, Map<String, String> globalSkipped) {
        long first = p.grid().start();
        int n = p.y().length;
        long last = p.grid().timeAt(n - 1, freq, enc);
        int anchorDay = p.grid().anchor().dayOfMonth();
        if (p.empty()) {
            SeriesState state = new SeriesState(null, first, last, anchorDay, 0, 1, Double.NaN, Double.NaN);
            return new SeriesOutcome("none", "no values", "fallback: every target value is NULL; forecasts are NULL"
                    + p.notes(), 0, state, new Accuracy(), Map.of());
        }
        double lowerBound = spec.lowerBound();
        if (lowerBound == TrainSpec.AUTO_LOWER_BOUND) {
            lowerBound = Arrays.stream(p.y()).min().orElse(0) >= 0 ? 0 : Double.NaN;
        }
        double[][] x = p.grid().x() == null ? new double[0][] : p.grid().x();
        // local models take the covariates known in the future (they come first), never the past-only ones
        int known = covariateNames.length - spec.pastCovariates().size();
        TrainingSeries ts = new TrainingSeries(p.y(), p.season(), Arrays.copyOf(x, Math.min(known, x.length)),
                Arrays.copyOf(covariateNames, known), spec.seed(), p.otherSeasons());
        SeriesTrainer.Fit fit = SeriesTrainer.fit(ts, spec.methods(), horizon, spec.folds(), lowerBound, global, globalSkipped,
                spec.familyOptions());
        String status = (fit.fallbackReason() == null ? "ok" : "fallback: " + fit.fallbackReason())
                + (fit.skipped().isEmpty() ? "" : "; " + fit.skipped()) + p.notes();
        SeriesState state = new SeriesState(fit.model(), first, last, anchorDay, n, p.season(),
                Accuracy.maseScale(p.y(), p.season()), lowerBound);
        return new SeriesOutcome(fit.method(), fit.model().description(), status, n, state, fit.backtest(), fit.byMethod());
    }

    /** Row indices grouped by series (a counting sort on series id); offsets[s]..offsets[s+1] are series s. */
    private static int[] groupRows(RawBatch raw, int[] offsets) {
        int[] ids = raw.seriesId();
        for (int id : ids) {
            offsets[id + 1]++;
        }
        for (int s = 0; s < raw.seriesCount(); s++) {
            offsets[s + 1] += offsets[s];
        }
        int[] next = Arrays.copyOf(offsets, raw.seriesCount());
        int[] rows = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            rows[next[ids[i]]++] = i;
        }
        return rows;
    }

    private static long[] distinctSorted(long[] t) {
        long[] s = t.clone();
        Arrays.sort(s);
        int k = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                s[k++] = s[i];
            }
        }
        return Arrays.copyOf(s, k);
    }

    /** The most common season length among the series (1 when none is seasonal). */
    private static int commonSeason(Prepared[] prepared) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            counts.merge(p.season(), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(1);
    }
}
