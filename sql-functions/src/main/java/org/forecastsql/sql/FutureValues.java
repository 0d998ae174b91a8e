package org.forecastsql.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.forecastsql.engine.series.Frequency;
import org.forecastsql.engine.series.TimeEncoding;
import org.forecastsql.storage.ColumnInfo;
import org.forecastsql.storage.ScanSpec;
import org.forecastsql.storage.ScannedColumns;
import org.forecastsql.storage.SeriesScanner;
import org.forecastsql.storage.StorageException;

/**
 * Future values of the model's covariates for every series and forecast period, read from
 * FORECAST's {@code future} argument (a query or table with the key, time and covariate columns).
 * A missing value is an error naming the columns and the first missing periods.
 */
final class FutureValues {
    private final double[][][] bySeries;

    private FutureValues(double[][][] bySeries) {
        this.bySeries = bySeries;
    }

    double[][] forSeries(int s) {
        return bySeries[s];
    }

    static FutureValues read(ForecastSession session, String future, ModelLayout l, List<StoredSeries> series, int h,
                             Frequency freq, TimeEncoding enc) {
        List<String> cov = l.knownCovariates();
        if (future == null) {
            throw new FunctionException(ErrorCode.MISSING_FUTURE_VALUES, "the model uses covariates ("
                    + String.join(", ", cov).toLowerCase(java.util.Locale.ROOT)
                    + "): give their future values with FORECAST(..., future => 'SELECT <keys>, <time>, "
                    + "<covariates> FROM ...') for the " + h + " forecast periods");
        }
        String query = InputQuery.resolve(future, "FUTURE", session.h2());
        ScannedColumns sc;
        try (Statement st = session.calcite().createStatement(); ResultSet rs = st.executeQuery(query)) {
            sc = SeriesScanner.scan(rs, new ScanSpec(l.keys().stream().map(ColumnInfo::name).toList(), l.time().name(),
                    cov.get(0), cov.subList(1, cov.size())));
        } catch (SQLException e) {
            throw Errors.ofInputQuery(e, "FUTURE");
        } catch (StorageException e) {
            throw Errors.of(e);
        }
        Map<String, Integer> seriesOfKey = new HashMap<>();
        for (int s = 0; s < series.size(); s++) {
            seriesOfKey.put(KeyCodec.text(series.get(s).key()), s);
        }
        // value[s] maps time -> covariate values
        List<Map<Long, double[]>> values = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            values.add(new HashMap<>());
        }
        for (int i = 0; i < sc.rows(); i++) {
            Integer s = seriesOfKey.get(KeyCodec.text(sc.seriesKeys().get(sc.seriesId()[i])));
            if (s == null) {
                continue;
            }
            double[] v = new double[cov.size()];
            v[0] = sc.target()[i];
            for (int j = 1; j < cov.size(); j++) {
                v[j] = sc.covariates()[j - 1][i];
            }
            values.get(s).put(sc.time()[i], v);
        }
        double[][][] out = new double[series.size()][][];
        TreeSet<String> missing = new TreeSet<>();
        for (int s = 0; s < series.size(); s++) {
            long[] times = series.get(s).state().futureTimes(h, freq, enc);
            double[][] x = new double[cov.size()][h];
            for (int t = 0; t < h; t++) {
                double[] v = values.get(s).get(times[t]);
                for (int j = 0; j < cov.size(); j++) {
                    x[j][t] = v == null ? Double.NaN : v[j];
                    if (Double.isNaN(x[j][t]) && missing.size() < 5) {
                        missing.add(KeyCodec.text(series.get(s).key()) + " @ "
                                + org.forecastsql.storage.TimeEncoding.toSqlValue(times[t], l.timeEncoding(), l.time()));
                    }
                }
            }
            out[s] = x;
        }
        if (!missing.isEmpty()) {
            throw new FunctionException(ErrorCode.MISSING_FUTURE_VALUES, "FUTURE lacks values of "
                    + String.join(", ", cov).toLowerCase(java.util.Locale.ROOT) + " for forecast periods, e.g. "
                    + String.join(", ", missing) + "; every series needs a row for each of the " + h + " periods");
        }
        return new FutureValues(out);
    }
}
