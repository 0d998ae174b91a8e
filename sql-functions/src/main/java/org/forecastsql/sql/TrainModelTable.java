package org.forecastsql.sql;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.calcite.sql.type.SqlTypeName;
import org.forecastsql.engine.calendar.HolidayCalendar;
import org.forecastsql.engine.metrics.Accuracy;
import org.forecastsql.engine.metrics.Metrics;
import org.forecastsql.engine.train.BatchResult;
import org.forecastsql.engine.train.BatchTrainer;
import org.forecastsql.engine.train.RawBatch;
import org.forecastsql.engine.train.SeriesOutcome;
import org.forecastsql.engine.train.TrainSpec;
import org.forecastsql.storage.BacktestRecord;
import org.forecastsql.storage.ColumnInfo;
import org.forecastsql.storage.ScanSpec;
import org.forecastsql.storage.ScannedColumns;
import org.forecastsql.storage.SeriesRecord;
import org.forecastsql.storage.SeriesScanner;
import org.forecastsql.storage.StorageException;

/**
 * {@code TRAIN_MODEL(model, input, options)}: scans the input once, trains every series, stores
 * a new model version in one transaction, and returns one row per series: its key columns, METHOD,
 * N_OBS, STATUS, backtest MASE and SMAPE, MODEL_VERSION.
 */
final class TrainModelTable extends RowTable {
    private final ForecastSession session;
    private final String model;
    private final String query;
    private final String optionsText;
    private final TrainOptions options;
    private List<Column> columns;

    TrainModelTable(ForecastSession session, String model, String input, String options) {
        this.session = session;
        this.model = ModelNames.check(model);
        this.query = InputQuery.resolve(input, "INPUT", session.h2());
        this.optionsText = options == null ? "" : options.trim();
        this.options = TrainOptions.parse(options);
    }

    @Override
    List<Column> columns() {
        if (columns == null) {
            List<ColumnInfo> inputColumns;
            try (PreparedStatement ps = session.calcite().prepareStatement(query)) {
                inputColumns = ColumnInfo.describe(ps.getMetaData());
            } catch (SQLException e) {
                throw Errors.ofInputQuery(e, "INPUT");
            }
            columns = outputColumns(InputColumns.resolve(inputColumns, options));
        }
        return columns;
    }

    private static List<Column> outputColumns(InputColumns in) {
        List<Column> out = new ArrayList<>();
        in.keys().forEach(k -> out.add(Column.like(k)));
        out.add(Column.of("METHOD", SqlTypeName.VARCHAR));
        out.add(Column.of("N_OBS", SqlTypeName.INTEGER));
        out.add(Column.of("STATUS", SqlTypeName.VARCHAR));
        out.add(Column.of("MASE", SqlTypeName.DOUBLE));
        out.add(Column.of("SMAPE", SqlTypeName.DOUBLE));
        out.add(Column.of("MODEL_VERSION", SqlTypeName.INTEGER));
        return out;
    }

    @Override
    List<Object[]> rows() {
        ScannedColumns scanned;
        InputColumns in;
        String fingerprint;
        try (Statement st = session.calcite().createStatement(); ResultSet rs = st.executeQuery(query)) {
            in = InputColumns.resolve(ColumnInfo.describe(rs.getMetaData()), options);
            scanned = SeriesScanner.scan(rs, new ScanSpec(in.keys().stream().map(ColumnInfo::name).toList(),
                    in.time().name(), in.target().name(), in.covariateNames()));
            fingerprint = fingerprint(scanned);
        } catch (SQLException e) {
            throw Errors.ofInputQuery(e, "INPUT");
        } catch (StorageException e) {
            throw Errors.of(e);
        }
        var encoding = org.forecastsql.engine.series.TimeEncoding.valueOf(scanned.timeEncoding().name());
        Map<String, Integer> seriesIds = new HashMap<>();
        for (int s = 0; s < scanned.seriesKeys().size(); s++) {
            Object[] key = scanned.seriesKeys().get(s);
            if (key.length == 1) {
                seriesIds.put(HolidayTables.keyText(key[0]), s);
            }
        }
        HolidayCalendar calendar = HolidayTables.resolve(session, options.holidays(), options.holidayWindow(),
                in.keys().stream().map(ColumnInfo::name).toList(), seriesIds);
        TrainSpec spec = options.toSpec(encoding, calendar, in.pastCovariateNames());
        checkSeasonFits(scanned, spec);
        RawBatch raw = new RawBatch(scanned.seriesKeys().size(), scanned.seriesId(), scanned.time(), scanned.target(),
                scanned.covariates(), in.covariateNames().toArray(new String[0]), encoding);
        BatchResult result;
        try {
            result = BatchTrainer.train(raw, spec, cancellation());
        } catch (java.util.concurrent.CancellationException e) {
            throw cancelledError();
        } catch (IllegalArgumentException e) {
            throw new FunctionException(ErrorCode.BAD_OPTION, e.getMessage(), e);
        }
        ModelLayout layout = new ModelLayout(in.keys(), in.time(), scanned.timeEncoding(), in.target().name(),
                in.covariateNames(), in.pastCovariateNames(), result.frequency().label(), result.horizon(), spec.levels(),
                result.backend(), new byte[0]);
        if (cancellation().getAsBoolean()) {
            throw cancelledError(); // the last moment a cancel can still mean "nothing stored"
        }
        int version = save(scanned, result, layout, fingerprint);
        List<Object[]> rows = new ArrayList<>(result.series().length);
        for (int s = 0; s < result.series().length; s++) {
            SeriesOutcome o = result.series()[s];
            Object[] key = scanned.seriesKeys().get(s);
            Object[] row = new Object[in.keys().size() + 6];
            for (int k = 0; k < key.length; k++) {
                row[k] = InternalValues.of(key[k], in.keys().get(k).jdbcType());
            }
            Metrics m = o.backtest().result();
            int c = key.length;
            row[c] = o.method();
            row[c + 1] = o.nObs();
            row[c + 2] = o.status();
            row[c + 3] = InternalValues.number(m.mase());
            row[c + 4] = InternalValues.number(m.smape());
            row[c + 5] = version;
            rows.add(row);
        }
        return rows;
    }

    /** An explicit season longer than every series cannot be meant: an error, not a silent fallback. */
    private static void checkSeasonFits(ScannedColumns scanned, TrainSpec spec) {
        if (spec.season().mode() != org.forecastsql.engine.train.SeasonSpec.Mode.FIXED) {
            return;
        }
        int[] counts = new int[scanned.seriesKeys().size()];
        for (int id : scanned.seriesId()) {
            counts[id]++;
        }
        int longest = 0;
        for (int c : counts) {
            longest = Math.max(longest, c);
        }
        int season = spec.season().primary();
        if (longest <= season) {
            throw new FunctionException(ErrorCode.SERIES_TOO_SHORT, "season=" + season + " needs series longer than "
                    + season + " periods, but the longest series has " + longest
                    + " rows; use season=auto, season=none or a shorter season");
        }
    }

    private int save(ScannedColumns scanned, BatchResult result, ModelLayout layout, String fingerprint) {
        // the global models' state goes to the catalogue apart from the layout: listing versions never reads it
        SeriesOutcome[] out = result.series();
        List<BacktestRecord> backtest = new ArrayList<>();
        for (int s = 0; s < out.length; s++) {
            backtest.add(record(s, out[s].method(), out[s].backtest().result()));
            for (Map.Entry<String, Accuracy> e : out[s].byMethod().entrySet()) {
                if (!e.getKey().equals(out[s].method())) {
                    backtest.add(record(s, e.getKey(), e.getValue().result()));
                }
            }
        }
        backtest.add(record(-1, "chosen", result.overall().result()));
        for (Map.Entry<String, Accuracy> e : result.overallByMethod().entrySet()) {
            backtest.add(record(-1, e.getKey(), e.getValue().result()));
        }
        Iterator<SeriesRecord> series = new Iterator<>() {
            private int s;

            @Override
            public boolean hasNext() {
                return s < out.length;
            }

            @Override
            public SeriesRecord next() {
                if (s >= out.length) {
                    throw new NoSuchElementException();
                }
                SeriesOutcome o = out[s];
                Object[] key = scanned.seriesKeys().get(s);
                Metrics m = o.backtest().result();
                SeriesRecord r = new SeriesRecord(s, KeyCodec.text(key), o.method(), o.nObs(), o.status(), m.mase(),
                        m.smape(), new StoredSeries(key, o.state()).encode());
                s++;
                return r;
            }
        };
        String methods = String.join(",", options.methods());
        try {
            return session.catalog().save(model, optionsText, fingerprint, methods, layout.encode(), result.sharedState(),
                    series, backtest);
        } catch (StorageException e) {
            throw Errors.of(e);
        }
    }

    static BacktestRecord record(int series, String method, Metrics m) {
        return new BacktestRecord(series, method, m.n(), m.mae(), m.rmse(), m.mape(), m.smape(), m.mase(), m.wape(),
                m.bias(), m.coverage80(), m.coverage95());
    }

    /** SHA-256 over the query text and the scanned values: tells whether two versions saw the same data. */
    private String fingerprint(ScannedColumns c) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(query.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * 1024);
            for (int i = 0; i < c.rows(); i++) {
                if (b.remaining() < 20) {
                    md.update(b.array(), 0, b.position());
                    b.clear();
                }
                b.putInt(c.seriesId()[i]).putLong(c.time()[i]).putDouble(c.target()[i]);
            }
            md.update(b.array(), 0, b.position());
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
