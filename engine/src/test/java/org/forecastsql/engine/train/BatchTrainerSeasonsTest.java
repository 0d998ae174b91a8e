package org.forecastsql.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.engine.series.Fill;
import org.forecastsql.engine.series.Frequency;
import org.forecastsql.engine.series.TimeEncoding;
import org.junit.jupiter.api.Test;

/** {@code season=7,365} through the trainer reaches the ARIMA family as a weekly season plus yearly Fourier terms. */
class BatchTrainerSeasonsTest {

    private static RawBatch daily(int n) {
        Random rnd = new Random(7);
        double[] week = {0, 3, 5, 4, 2, -6, -8};
        long[] time = new long[n];
        double[] y = new double[n];
        double u = 0;
        for (int t = 0; t < n; t++) {
            time[t] = 19_000 + t;
            u = 0.5 * u + 3 * rnd.nextGaussian();
            y[t] = 150 + 25 * Math.sin(2 * Math.PI * t / 365.25) + week[t % 7] + u;
        }
        return new RawBatch(1, new int[n], time, y, new double[0][], new String[0], TimeEncoding.EPOCH_DAY);
    }

    private static SeriesOutcome train(String season) {
        TrainSpec spec = new TrainSpec(Frequency.DAILY, SeasonSpec.parse(season), Fill.ZERO, List.of("arima"), 14,
                new double[] {95}, 1, TrainSpec.AUTO_LOWER_BOUND, 42L, HolidayCalendar.none());
        return BatchTrainer.train(daily(760), spec).series()[0];
    }

    @Test
    void secondarySeasonReachesTheFamily() {
        SeriesOutcome two = train("7,365");
        assertEquals(7, two.state().season());
        // no covariates: the regressors are the yearly Fourier terms
        assertTrue(two.description().startsWith("Regression with ARIMA("), two.description());
        assertTrue(two.description().endsWith(")[7] errors"), two.description());
        SeriesOutcome one = train("7");
        assertTrue(one.description().startsWith("ARIMA("), one.description());
    }
}
