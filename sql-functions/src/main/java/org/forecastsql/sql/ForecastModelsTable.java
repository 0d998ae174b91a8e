package org.forecastsql.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.forecastsql.storage.ModelVersion;
import org.forecastsql.storage.StorageException;

/**
 * The {@code FORECAST_MODELS} system table: every version of every stored model (name, version,
 * created, options, series count, methods, input fingerprint, compute backend, and whether it is
 * the latest version).
 */
final class ForecastModelsTable extends RowTable {
    private final ForecastSession session;

    ForecastModelsTable(ForecastSession session) {
        this.session = session;
    }

    @Override
    List<Column> columns() {
        return List.of(Column.of("NAME", SqlTypeName.VARCHAR), Column.of("VERSION", SqlTypeName.INTEGER),
                Column.of("CREATED", SqlTypeName.TIMESTAMP), Column.of("OPTIONS", SqlTypeName.VARCHAR),
                Column.of("SERIES_COUNT", SqlTypeName.INTEGER), Column.of("METHODS", SqlTypeName.VARCHAR),
                Column.of("INPUT_FINGERPRINT", SqlTypeName.VARCHAR), Column.of("BACKEND", SqlTypeName.VARCHAR),
                Column.of("IS_LATEST", SqlTypeName.BOOLEAN));
    }

    /** Calcite's internal TIMESTAMP: the local wall-clock time, as milliseconds read as UTC. */
    private static long wallClockMillis(java.time.Instant instant) {
        return java.time.LocalDateTime.ofInstant(instant, java.time.ZoneId.systemDefault())
                .toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
    }

    /** Where a version was trained; a layout this driver cannot read (a newer driver's) must not hide the others. */
    private static String backend(ModelVersion v) {
        try {
            return ModelLayout.decode(v.layout()).backend();
        } catch (FunctionException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @Override
    List<Object[]> rows() {
        List<ModelVersion> all;
        try {
            all = session.catalog().listAll();
        } catch (StorageException e) {
            throw Errors.of(e);
        }
        List<Object[]> rows = new ArrayList<>();
        for (ModelVersion v : all) {
            boolean latest = all.stream().noneMatch(o -> o.name().equalsIgnoreCase(v.name()) && o.version() > v.version());
            rows.add(new Object[] {v.name(), v.version(), wallClockMillis(v.created()), v.options(), v.seriesCount(),
                v.methods(), v.inputFingerprint(), backend(v), latest});
        }
        return rows;
    }
}
