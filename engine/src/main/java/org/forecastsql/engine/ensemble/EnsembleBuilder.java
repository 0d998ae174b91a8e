package org.forecastsql.engine.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.forecastsql.engine.backtest.RollingOriginBacktest;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * Builds one series' ensemble from its members' rolling-origin backtests: weights from the
 * backtest MASE ({@link EnsembleKernel#weights}), members refitted on the whole series (a member
 * that fails is dropped and said), the combination's own backtest and its conformal error ratios.
 * The ensemble sees members only through the model interface.
 */
public final class EnsembleBuilder {
    private EnsembleBuilder() {
    }

    /**
     * @param model    the ensemble
     * @param backtest the combination's backtest accuracy (its intervals calibrated on the same backtest)
     * @param notes    the weights, and members that were dropped with the reason
     */
    public record Built(EnsembleModel model, Accuracy backtest, String notes) {
    }

    /**
     * @param members    the member families, in the order of {@code backtests}
     * @param prefitted  members already fitted on the whole series (global families' views), by method;
     *                   the others are fitted here
     */
    public static Built build(TrainingSeries series, List<ModelFamily> members, List<RollingOriginBacktest.Result> backtests,
                              Map<String, FittedModel> prefitted, double lowerBound) throws ModelFitException {
        int k = members.size();
        double[] mase = new double[k];
        int windows = 0;
        for (int i = 0; i < k; i++) {
            mase[i] = backtests.get(i).accuracy().result().mase();
            windows = Math.max(windows, backtests.get(i).windows());
        }
        double[] w = EnsembleKernel.weights(mase, windows);
        List<String> dropped = new ArrayList<>();
        FittedModel[] fitted = new FittedModel[k];
        for (int i = 0; i < k; i++) {
            try {
                FittedModel given = prefitted.get(members.get(i).method());
                fitted[i] = given != null ? given : members.get(i).fit(series);
            } catch (ModelFitException | RuntimeException e) {
                dropped.add(members.get(i).method() + " dropped: " + e.getMessage());
                w[i] = 0;
            }
        }
        double total = Arrays.stream(w).sum();
        if (total == 0) {
            throw new ModelFitException("no ensemble member could be fitted: " + String.join("; ", dropped));
        }
        List<FittedModel> keep = new ArrayList<>();
        List<Double> keepW = new ArrayList<>();
        List<RollingOriginBacktest.Result> keepB = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (w[i] > 0) {
                keep.add(fitted[i]);
                keepW.add(w[i] / total);
                keepB.add(backtests.get(i));
            }
        }
        double[] weights = keepW.stream().mapToDouble(Double::doubleValue).toArray();
        // the combination's backtest paths
        RollingOriginBacktest.Result first = keepB.get(0);
        int folds = first.origins().length;
        int h = first.means()[0].length;
        double[][] mean = new double[folds][h];
        double[][] half = new double[folds][h];
        List<Double> ratios = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            for (int t = 0; t < h; t++) {
                double m = 0;
                double hw = 0;
                double wsum = 0;
                for (int i = 0; i < weights.length; i++) {
                    double mi = keepB.get(i).means()[f][t];
                    if (Double.isFinite(mi)) {
                        m += weights[i] * mi;
                        hw += weights[i] * keepB.get(i).halfWidths95()[f][t];
                        wsum += weights[i];
                    }
                }
                mean[f][t] = wsum > 0 ? m / wsum : Double.NaN;
                half[f][t] = wsum > 0 ? hw / wsum : Double.NaN;
                int origin = first.origins()[f];
                if (Double.isFinite(mean[f][t]) && half[f][t] > 0 && origin + t < series.length() && origin >= 0) {
                    double fc = Double.isNaN(lowerBound) ? mean[f][t] : Math.max(lowerBound, mean[f][t]);
                    ratios.add(Math.abs(series.y()[origin + t] - fc) / half[f][t]);
                }
            }
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        EnsembleModel model = new EnsembleModel(keep.toArray(new FittedModel[0]), weights, sorted);
        double q80 = scale(sorted, 80);
        double q95 = scale(sorted, 95);
        Accuracy acc = new Accuracy();
        for (int f = 0; f < folds; f++) {
            int origin = first.origins()[f];
            if (origin < 2) {
                continue;
            }
            double scale = Accuracy.maseScale(Arrays.copyOf(series.y(), origin), series.season());
            for (int t = 0; t < h && origin + t < series.length(); t++) {
                double m = mean[f][t];
                if (!Double.isFinite(m)) {
                    continue;
                }
                double fc = Double.isNaN(lowerBound) ? m : Math.max(lowerBound, m);
                double lo80 = m - q80 * half[f][t];
                double lo95 = m - q95 * half[f][t];
                if (!Double.isNaN(lowerBound)) {
                    lo80 = Math.max(lowerBound, lo80);
                    lo95 = Math.max(lowerBound, lo95);
                }
                acc.add(series.y()[origin + t], fc, scale, lo80, m + q80 * half[f][t], lo95, m + q95 * half[f][t]);
            }
        }
        StringBuilder notes = new StringBuilder(model.description().replace("Ensemble of ", "weights: "));
        for (String d : dropped) {
            notes.append("; ").append(d);
        }
        return new Built(model, acc, notes.toString().toLowerCase(Locale.ROOT).replace("weights:", "weights:"));
    }

    private static double scale(double[] sorted, double level) {
        double q = EnsembleKernel.conformalQuantile(sorted, level);
        return Double.isNaN(q) ? org.forecastsql.engine.stats.Distributions.normalQuantile(0.5 + level / 200) / 1.959963984540054 : q;
    }
}
