package org.forecastsql.engine.arima;

import java.io.DataInput;
import java.io.IOException;
import org.forecastsql.engine.model.FittedModel;
import org.forecastsql.engine.model.ModelFamily;
import org.forecastsql.engine.model.ModelFitException;
import org.forecastsql.engine.model.TrainingSeries;

/**
 * The {@code arima} family: automatic ARIMA as R's {@code forecast::auto.arima}, with
 * regression on the training regressors ({@code auto.arima(xreg = …)}) when the series has any;
 * on long series by default with the fast search of {@link AutoArima} ({@code arima_search=exact}
 * follows R's step by step). Stateless and thread-safe: a fit's work arrays are its own (or its
 * thread's).
 */
public final class ArimaFamily implements ModelFamily {
    /**
     * Relative change of the predicted state covariance below which the Kalman filter switches to
     * its steady state (see {@link ArimaStateSpace#like}); changes log-likelihoods by far less than
     * the optimiser's tolerance.
     */
    static final double STEADY_TOL = 1e-9;

    /**
     * Seasons longer than this are modelled by Fourier terms with non-seasonal ARIMA errors
     * ({@link AutoArima#selectFourier}, R's {@code auto.arima(y, xreg = fourier(y, K), seasonal = FALSE)})
     * instead of a seasonal ARIMA. Measured with {@code ArimaDailyBench} (stochastic season, holdout
     * of one or two seasons, mean MASE, CPU per series): s = 24, n = 1000: seasonal 0.89 / 0.27 s,
     * Fourier 1.20 / 1.8 s; s = 52, n = 520: seasonal 0.96 / 1.1 s, Fourier 1.78 / 1.1 s;
     * s = 168, n = 1008: seasonal 1.04 / 0.27 s, Fourier 2.10 / 1.6 s. The seasonal model's
     * likelihood is O(n·r) per evaluation here (Chandrasekhar recursions, O(p³ + r²) initial
     * covariance), not R's O(r⁶) start, so it stays usable up to a week of hours; Fourier terms
     * (at most {@link #MAX_HARMONICS} harmonics) only fit smooth seasonal shapes. Beyond one week
     * of hours (e.g. a yearly season of daily data, s = 365) the seasonal state grows past a
     * thousand components and Fourier terms take over.
     */
    static final int LONG_SEASON = 168;
    /** Harmonics tried per period: {@code K = 1..min(s/2, MAX_HARMONICS)}. */
    static final int MAX_HARMONICS = 10;
    /**
     * Secondary seasons ({@link TrainingSeries#otherSeasons()}, e.g. the yearly season of daily data
     * next to the weekly one) are Fourier regressors next to the seasonal ARIMA of the primary season
     * ({@link AutoArima#selectFourier(double[], int, double[], int, int, int, double[][], String[])}), as R's
     * {@code auto.arima(ts(y, frequency = 7), xreg = fourier(ts(y, frequency = 365.25), K))}, K = 0, 1, …
     * by AICc. Measured with {@code ArimaDailyBench -Dbench.yearly=true -Dbench.holdout=90} (daily,
     * n = 1277, 90-day holdout, mean MASE, CPU per series, one thread; a yearly wave in 3 of 4 series):
     * weekly profile fixed, 20 series: season 7 only 1.644 / 227 ms; with yearly terms 0.937 / 1,543 ms
     * (the 5 series without a yearly wave keep K = 0 and their forecasts); both seasons as Fourier terms
     * with non-seasonal errors ({@code -Dbench.longSeason=6}) 0.815 / 449 ms. Weekly profile evolving
     * ({@code -Dbench.weeklyWalk=true}), 12 series: 1.490 / 129 ms; 0.839 / 689 ms; all-Fourier
     * 1.039 / 493 ms. The seasonal ARIMA keeps a weekly pattern that changes; Fourier terms assume it
     * fixed. The search stops after this many consecutive K without a better AICc.
     */
    static final int PATIENCE = 2;

    /** TRAIN_MODEL's option choosing the order search for long series. */
    public static final String SEARCH_OPTION = "arima_search";
    /**
     * Its values: {@code fast} (the default: {@link AutoArima}'s fast search for series where R
     * approximates, n &gt; 150 or a season above 12) and {@code exact} (R's step-by-step search).
     */
    public static final java.util.List<String> SEARCHES = java.util.List.of("fast", "exact");

    private final AutoArima auto;
    private final int longSeason;
    private final boolean fastSearch;

    public ArimaFamily() {
        this(LONG_SEASON, true);
    }

    /**
     * With another long-season threshold (benchmarks compare the two methods on one season) and
     * the fast or R's step-by-step search for long series ({@link AutoArima}).
     */
    ArimaFamily(int longSeason, boolean fastSearch) {
        this.longSeason = longSeason;
        this.fastSearch = fastSearch;
        this.auto = new AutoArima(STEADY_TOL, fastSearch);
    }

    @Override
    public ModelFamily configured(java.util.Map<String, String> options) {
        String search = options.get(SEARCH_OPTION);
        if (search == null) {
            return this;
        }
        if (!SEARCHES.contains(search)) {
            throw new IllegalArgumentException(SEARCH_OPTION + " must be one of " + SEARCHES + ", got '" + search + "'");
        }
        boolean fast = search.equals("fast");
        return fast == fastSearch ? this : new ArimaFamily(longSeason, fast);
    }

    @Override
    public String method() {
        return "arima";
    }

    @Override
    public int minLength(int season) {
        return 3;
    }

    @Override
    public boolean usesRegressors() {
        return true;
    }

    @Override
    public FittedModel fit(TrainingSeries series) throws ModelFitException {
        double[] y = series.y();
        int s = series.season();
        if (s > longSeason && y.length > 2 * s) {
            double[] others = fourierPeriods(series.otherSeasons(), y.length);
            double[] periods = new double[others.length + 1];
            periods[0] = s;
            System.arraycopy(others, 0, periods, 1, others.length);
            AutoArima.FourierChoice fc = auto.selectFourier(y, periods, Math.min(s / 2, MAX_HARMONICS), series.xreg(),
                    series.xregNames());
            AutoArima.Choice c = fc.choice();
            return ArimaModel.of(c.fit(), c.sigma2(), y, c.ic(), fc.periods(), fc.ks());
        }
        double[] others = fourierPeriods(series.otherSeasons(), y.length);
        if (others.length > 0) {
            AutoArima.FourierChoice fc = auto.selectFourier(y, s, others, 0, MAX_HARMONICS, PATIENCE, series.xreg(), series.xregNames());
            AutoArima.Choice c = fc.choice();
            return ArimaModel.of(c.fit(), c.sigma2(), y, c.ic(), fc.periods(), fc.ks());
        }
        AutoArima.Choice c = auto.select(y, s, series.xreg(), series.xregNames());
        return ArimaModel.of(c.fit(), c.sigma2(), y, c.ic());
    }

    /**
     * The Fourier periods of the secondary seasons that the series covers at least twice; a
     * season of 365 (a year of days) becomes 365.25, as R's {@code msts(y, c(7, 365.25))}, so that
     * the yearly wave does not drift by a day every four years.
     */
    static double[] fourierPeriods(int[] otherSeasons, int n) {
        return java.util.Arrays.stream(otherSeasons)
                .filter(m -> n >= 2 * m)
                .mapToDouble(m -> m == 365 ? 365.25 : m)
                .toArray();
    }

    @Override
    public int formatVersion() {
        return 3;
    }

    @Override
    public FittedModel read(DataInput in, int formatVersion) throws IOException {
        if (formatVersion < 1 || formatVersion > 3) {
            throw new IOException("arima model state format " + formatVersion + " is not supported");
        }
        return ArimaModel.read(in, formatVersion);
    }
}
