package org.forecastsql.engine.model;

import java.util.Arrays;

/**
 * One series as a model family sees it: regularly spaced, gap-filled, no missing values.
 *
 * @param y        the observations, oldest first; never contains NaN (the trainer fills
 *                 missing values before any model sees them)
 * @param season   the season length in periods; 1 means no seasonality
 * @param xreg     regressor columns aligned with {@code y}: {@code xreg[j][t]}; empty when
 *                 the model is trained without covariates
 * @param xregNames the names of the regressor columns, same order as {@code xreg}
 * @param seed     random seed for stochastic families (reproducible results)
 * @param otherSeasons further season lengths, each longer than {@code season} (a yearly season of
 *                 daily data next to the weekly one: {@code season = 7}, {@code otherSeasons = {365}});
 *                 empty when the series has one season. Families that model one season ignore them
 */
public record TrainingSeries(double[] y, int season, double[][] xreg, String[] xregNames, long seed, int[] otherSeasons) {

    public TrainingSeries {
        if (season < 1) {
            throw new IllegalArgumentException("season must be >= 1, got " + season);
        }
        otherSeasons = otherSeasons.clone();
        for (int m : otherSeasons) {
            if (m <= season) {
                throw new IllegalArgumentException("other season " + m + " is not longer than the season " + season);
            }
        }
        if (xreg.length != xregNames.length) {
            throw new IllegalArgumentException("xreg and xregNames differ in length");
        }
        for (double[] col : xreg) {
            if (col.length != y.length) {
                throw new IllegalArgumentException("regressor length " + col.length + " != series length " + y.length);
            }
        }
    }

    /** A series with one season. */
    public TrainingSeries(double[] y, int season, double[][] xreg, String[] xregNames, long seed) {
        this(y, season, xreg, xregNames, seed, new int[0]);
    }

    /** A series without regressors. */
    public static TrainingSeries of(double[] y, int season) {
        return new TrainingSeries(y, season, new double[0][], new String[0], 42L);
    }

    /** The same series with further season lengths (each longer than {@link #season()}). */
    public TrainingSeries withOtherSeasons(int... others) {
        return new TrainingSeries(y, season, xreg, xregNames, seed, others);
    }

    public int length() {
        return y.length;
    }

    /** The first {@code n} observations (and regressor values), for backtesting. */
    public TrainingSeries head(int n) {
        double[][] x = new double[xreg.length][];
        for (int j = 0; j < xreg.length; j++) {
            x[j] = Arrays.copyOf(xreg[j], n);
        }
        return new TrainingSeries(Arrays.copyOf(y, n), season, x, xregNames, seed, otherSeasons);
    }

    /** Regressor values for periods {@code [from, to)}, used as the "future" of a backtest window. */
    public double[][] xregSlice(int from, int to) {
        double[][] x = new double[xreg.length][];
        for (int j = 0; j < xreg.length; j++) {
            x[j] = Arrays.copyOfRange(xreg[j], from, to);
        }
        return x;
    }
}
