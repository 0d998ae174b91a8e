package org.forecastsql.engine.train;

import java.util.List;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.engine.series.Fill;
import org.forecastsql.engine.series.Frequency;

/**
 * How to train: the typed form of TRAIN_MODEL's options (DESIGN §2).
 *
 * @param frequency  the frequency, or null to infer it
 * @param season     season detection or explicit lengths
 * @param fill       how gaps in the time grid are filled
 * @param methods    candidate method names (registered families); with one method it is used for
 *                   every series, with several the per-series winner of the backtest is chosen
 * @param horizon    periods to forecast and the backtest window; 0 = default (2 seasons, at least 7)
 * @param levels     interval levels in percent, ascending
 * @param folds      rolling-origin backtest windows
 * @param lowerBound NaN = none; {@code AUTO_LOWER_BOUND} = 0 when the history is never negative
 * @param seed       random seed for stochastic families
 * @param holidays   holiday effects for the global models (built-in calendars and user rows; series-bound
 *                   rows name the series by its id in the batch), {@link HolidayCalendar#none()} for none
 * @param familyOptions options of particular families, handed to
 *                   {@link org.forecastsql.engine.model.GlobalFamily#configured}: {@code learner}
 *                   (the regression's), {@code epochs} (the neural network's); empty for the defaults
 * @param pastCovariates covariates known only up to the forecast origin (page views): the global
 *                   models read them at the origin, the local ones do not use them; in
 *                   {@link RawBatch#covariateNames()} they come after every known-future covariate
 */
public record TrainSpec(Frequency frequency, SeasonSpec season, Fill fill, List<String> methods, int horizon,
                        double[] levels, int folds, double lowerBound, long seed, HolidayCalendar holidays,
                        java.util.Map<String, String> familyOptions, java.util.Set<String> pastCovariates) {
    public TrainSpec {
        holidays = holidays == null ? HolidayCalendar.none() : holidays;
        familyOptions = familyOptions == null ? java.util.Map.of() : java.util.Map.copyOf(familyOptions);
        pastCovariates = pastCovariates == null ? java.util.Set.of() : java.util.Set.copyOf(pastCovariates);
    }

    /** {@code methods=best}: the per-series backtest winner among every applicable family. */
    public static final String BEST = "best";

    /** A spec with every family's defaults. */
    public TrainSpec(Frequency frequency, SeasonSpec season, Fill fill, List<String> methods, int horizon,
                     double[] levels, int folds, double lowerBound, long seed, HolidayCalendar holidays) {
        this(frequency, season, fill, methods, horizon, levels, folds, lowerBound, seed, holidays, java.util.Map.of(),
                java.util.Set.of());
    }

    /** Sentinel for {@code lower_bound=auto}. */
    public static final double AUTO_LOWER_BOUND = Double.NEGATIVE_INFINITY;

    /** The horizon for a series with this season when the option was not given. */
    public int horizonFor(int season) {
        if (horizon > 0) {
            return horizon;
        }
        return Math.max(7, 2 * season);
    }
}
