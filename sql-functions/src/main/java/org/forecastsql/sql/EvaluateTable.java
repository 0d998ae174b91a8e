package org.forecastsql.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.metrics.Metrics;
import org.forecastsql.engine.train.ActualsScorer;
import org.forecastsql.storage.BacktestRecord;
import org.forecastsql.storage.ColumnInfo;
import org.forecastsql.storage.ScanSpec;
import org.forecastsql.storage.ScannedColumns;
import org.forecastsql.storage.SeriesScanner;
import org.forecastsql.storage.StorageException;

/**
 * {@code EVALUATE(model, actuals, version)}. Without actuals: the rolling-origin backtest stored at
 * training, per series one row for each backtested method (CHOSEN marks the one the series uses),
 * plus overall rows with NULL keys: METHOD {@code overall} pools the chosen methods, and one row per
 * candidate method pools that method's backtests. With actuals: the stored model's forecast scored against the actuals, matched on key
 * and time over the model's horizon; forecast periods without an actual are counted in MISSING. A
 * model with covariates takes their realised values from the actuals' rows of the same names.
 */
final class EvaluateTable extends RowTable {
    static final String OVERALL = "overall";
    private final ForecastSession session;
    private final LoadedModel model;
    private final String actuals;

    EvaluateTable(ForecastSession session, String name, String actuals, Integer version) {
        this.session = session;
        this.model = LoadedModel.load(session, ModelNames.check(name), version);
        this.actuals = actuals;
    }

    @Override
    List<Column> columns() {
        List<Column> c = computeColumns();
        session.validated("EVALUATE:" + model.version().name(), c);
        return c;
    }

    private List<Column> computeColumns() {
        List<Column> out = new ArrayList<>();
        model.layout().keys().forEach(k -> out.add(Column.like(k)));
        out.add(Column.of("METHOD", SqlTypeName.VARCHAR));
        out.add(Column.of("N", SqlTypeName.BIGINT));
        for (String m : List.of("MAE", "RMSE", "MAPE", "SMAPE", "MASE", "WAPE", "BIAS", "COVERAGE_80", "COVERAGE_95")) {
            out.add(Column.of(m, SqlTypeName.DOUBLE));
        }
        out.add(Column.of("MISSING", SqlTypeName.BIGINT));
        out.add(Column.of("MODEL_VERSION", SqlTypeName.INTEGER));
        out.add(Column.of("CHOSEN", SqlTypeName.BOOLEAN));
        return out;
    }

    @Override
    List<Object[]> rows() {
        session.checkShape("EVALUATE:" + model.version().name(), computeColumns(), model.version().name(),
                model.version().version());
        return actuals == null ? backtestRows() : actualsRows();
    }

    private List<Object[]> backtestRows() {
        List<StoredSeries> series = model.series(session);
        List<BacktestRecord> records;
        try {
            records = session.catalog().backtest(model.version().name(), model.version().version());
        } catch (StorageException e) {
            throw Errors.of(e);
        }
        List<Object[]> rows = new ArrayList<>();
        for (BacktestRecord r : records) {
            Object[] key = r.seriesIndex() >= 0 ? series.get(r.seriesIndex()).key() : null;
            String method = r.seriesIndex() < 0 && r.method().equals("chosen") ? OVERALL : r.method();
            boolean chosen = r.seriesIndex() < 0 ? method.equals(OVERALL) : method.equals(methodOf(series.get(r.seriesIndex())));
            rows.add(row(key, method, new Metrics(r.n(), 0, r.mae(), r.rmse(), r.mape(), r.smape(), r.mase(), r.wape(),
                    r.bias(), r.coverage80(), r.coverage95()), chosen));
        }
        return rows;
    }

    private List<Object[]> actualsRows() {
        ModelLayout l = model.layout();
        List<StoredSeries> series = model.series(session);
        // the realised covariates of the forecast periods come with the actuals when the model uses them
        List<String> covariates = ForecastTable.usesRegressors(l, series) ? l.knownCovariates() : List.of();
        String query = InputQuery.resolve(actuals, "ACTUALS", session.h2());
        ScannedColumns sc;
        try (Statement st = session.calcite().createStatement(); ResultSet rs = st.executeQuery(query)) {
            sc = SeriesScanner.scan(rs, new ScanSpec(l.keys().stream().map(ColumnInfo::name).toList(), l.time().name(),
                    l.target(), covariates));
        } catch (SQLException e) {
            throw Errors.ofInputQuery(e, "ACTUALS");
        } catch (StorageException e) {
            throw Errors.of(e);
        }
        Map<String, Integer> seriesOfKey = new HashMap<>();
        for (int s = 0; s < series.size(); s++) {
            seriesOfKey.put(KeyCodec.text(series.get(s).key()), s);
        }
        // per model series: time -> row of the actuals (duplicates summed into the first row's target)
        List<Map<Long, Integer>> rowAt = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            rowAt.add(new HashMap<>());
        }
        double[] target = sc.target().clone();
        for (int i = 0; i < sc.rows(); i++) {
            Integer s = seriesOfKey.get(KeyCodec.text(sc.seriesKeys().get(sc.seriesId()[i])));
            if (s == null) {
                continue;
            }
            Integer first = rowAt.get(s).putIfAbsent(sc.time()[i], i);
            if (first != null) {
                target[first] += target[i];
            }
        }
        var freq = l.engineFrequency();
        var enc = l.engineEncoding();
        int h = l.horizon();
        Accuracy overall = new Accuracy();
        List<Object[]> rows = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            StoredSeries ss = series.get(s);
            long[] times = ss.state().futureTimes(h, freq, enc);
            double[] actual = new double[h];
            double[][] x = new double[covariates.size()][h];
            for (int k = 0; k < h; k++) {
                Integer r = rowAt.get(s).get(times[k]);
                actual[k] = r == null ? Double.NaN : target[r];
                for (int j = 0; j < covariates.size(); j++) {
                    x[j][k] = r == null ? Double.NaN : sc.covariates()[j][r];
                }
            }
            Accuracy a = ActualsScorer.score(ss.state(), actual, x);
            overall.addAll(a);
            rows.add(row(ss.key(), methodOf(ss), a.result(), true));
        }
        rows.add(row(null, OVERALL, overall.result(), true));
        return rows;
    }

    private static String methodOf(StoredSeries s) {
        return s.state().model() == null ? "none" : s.state().model().method();
    }

    private Object[] row(Object[] key, String method, Metrics m, boolean chosen) {
        List<ColumnInfo> keys = model.layout().keys();
        Object[] row = new Object[keys.size() + 15];
        for (int k = 0; k < keys.size(); k++) {
            row[k] = key == null ? null : InternalValues.of(key[k], keys.get(k).jdbcType());
        }
        int c = keys.size();
        row[c] = method;
        row[c + 1] = m.n();
        double[] v = {m.mae(), m.rmse(), m.mape(), m.smape(), m.mase(), m.wape(), m.bias(), m.coverage80(), m.coverage95()};
        for (int i = 0; i < v.length; i++) {
            row[c + 2 + i] = InternalValues.number(v[i]);
        }
        row[c + 11] = m.missing();
        row[c + 12] = model.version().version();
        row[c + 13] = chosen;
        return row;
    }
}
