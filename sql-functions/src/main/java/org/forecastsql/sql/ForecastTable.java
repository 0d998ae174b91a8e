package org.forecastsql.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.type.SqlTypeName;
import org.forecastsql.engine.model.Forecast;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.series.Frequency;
import org.forecastsql.engine.series.TimeEncoding;

/**
 * {@code FORECAST(model, horizon, future, version)}: one row per series and future period, with
 * the training input's key and time columns, FORECAST, LO_/HI_ bounds per level, METHOD and
 * MODEL_VERSION. Never refits: it reads the stored fitted models.
 */
final class ForecastTable extends RowTable {
    private final ForecastSession session;
    private final LoadedModel model;
    private final Integer horizon;
    private final String future;

    ForecastTable(ForecastSession session, String name, Integer horizon, String future, Integer version) {
        this.session = session;
        this.model = LoadedModel.load(session, ModelNames.check(name), version);
        this.horizon = horizon;
        this.future = future;
        if (future != null) {
            InputQuery.resolve(future, "FUTURE", session.h2());
        }
        if (horizon != null) {
            TrainOptions.checkHorizon(horizon);
        }
    }

    @Override
    List<Column> columns() {
        List<Column> c = computeColumns();
        session.validated("FORECAST:" + model.version().name(), c);
        return c;
    }

    private List<Column> computeColumns() {
        ModelLayout l = model.layout();
        List<Column> out = new ArrayList<>();
        l.keys().forEach(k -> out.add(Column.like(k)));
        out.add(Column.like(l.time()));
        out.add(Column.of("FORECAST", SqlTypeName.DOUBLE));
        for (double level : l.levels()) {
            out.add(Column.of("LO_" + levelName(level), SqlTypeName.DOUBLE));
            out.add(Column.of("HI_" + levelName(level), SqlTypeName.DOUBLE));
        }
        out.add(Column.of("METHOD", SqlTypeName.VARCHAR));
        out.add(Column.of("MODEL_VERSION", SqlTypeName.INTEGER));
        return out;
    }

    /** 80 → "80", 97.5 → "97_5". */
    static String levelName(double level) {
        String s = level == Math.rint(level) ? Long.toString((long) level) : Double.toString(level);
        return s.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    List<Object[]> rows() {
        session.checkShape("FORECAST:" + model.version().name(), computeColumns(), model.version().name(),
                model.version().version());
        ModelLayout l = model.layout();
        int h = horizon != null ? horizon : l.horizon();
        TimeEncoding enc = l.engineEncoding();
        Frequency freq = l.engineFrequency();
        List<StoredSeries> series = model.series(session);
        FutureValues futureValues = usesRegressors(l, series)
                ? FutureValues.read(session, future, l, series, h, freq, enc) : null;
        int nk = l.keys().size();
        int width = nk + 4 + 2 * l.levels().length;
        List<Object[]> rows = new ArrayList<>(series.size() * h);
        for (int s = 0; s < series.size(); s++) {
            StoredSeries ss = series.get(s);
            double[][] x = futureValues == null ? new double[0][] : futureValues.forSeries(s);
            Forecast f;
            try {
                f = ss.state().forecast(h, l.levels(), x);
            } catch (IllegalArgumentException e) {
                // e.g. a global regression asked beyond the horizon it was trained for
                throw new FunctionException(ErrorCode.HORIZON_OUT_OF_RANGE, "model '" + model.version().name() + "': "
                        + e.getMessage(), e);
            }
            long[] times = ss.state().futureTimes(h, freq, enc);
            String method = ss.state().model() == null ? "none" : ss.state().model().method();
            Object[] key = new Object[nk];
            for (int k = 0; k < nk; k++) {
                key[k] = InternalValues.of(ss.key()[k], l.keys().get(k).jdbcType());
            }
            for (int t = 0; t < h; t++) {
                Object[] row = new Object[width];
                System.arraycopy(key, 0, row, 0, nk);
                row[nk] = InternalValues.time(times[t], l.time().jdbcType());
                row[nk + 1] = InternalValues.number(f.mean()[t]);
                for (int i = 0; i < l.levels().length; i++) {
                    row[nk + 2 + 2 * i] = InternalValues.number(f.lower()[i][t]);
                    row[nk + 3 + 2 * i] = InternalValues.number(f.upper()[i][t]);
                }
                row[width - 2] = method;
                row[width - 1] = model.version().version();
                rows.add(row);
            }
        }
        return rows;
    }

    /** Whether any series' model uses the layout's covariates (so their future values are needed). */
    static boolean usesRegressors(ModelLayout layout, List<StoredSeries> series) {
        if (layout.knownCovariates().isEmpty()) {
            return false;
        }
        for (StoredSeries s : series) {
            if (s.state().model() != null && s.state().model().needsFutureRegressors()) {
                return true;
            }
        }
        return false;
    }

}
