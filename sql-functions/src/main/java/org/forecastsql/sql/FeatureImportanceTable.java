package org.forecastsql.sql;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;
import org.forecastsql.engine.model.GlobalModel;
import org.forecastsql.engine.model.SharedModels;

/**
 * {@code FEATURE_IMPORTANCE(model [, version])}: the feature importance each global model of a
 * version (regression, neural) stored when it was trained, one row per feature, most important
 * first. Empty for a version without global models.
 */
final class FeatureImportanceTable extends RowTable {
    private final ForecastSession session;
    private final String model;
    private final Integer version;

    FeatureImportanceTable(ForecastSession session, String model, Integer version) {
        this.session = session;
        this.model = ModelNames.check(model);
        this.version = version;
    }

    @Override
    List<Column> columns() {
        return List.of(Column.of("METHOD", SqlTypeName.VARCHAR), Column.of("FEATURE_RANK", SqlTypeName.INTEGER),
                Column.of("FEATURE", SqlTypeName.VARCHAR), Column.of("IMPORTANCE", SqlTypeName.DOUBLE),
                Column.of("MODEL_VERSION", SqlTypeName.INTEGER));
    }

    @Override
    List<Object[]> rows() {
        LoadedModel loaded = LoadedModel.load(session, model, version);
        Map<String, GlobalModel> shared;
        try {
            shared = SharedModels.decode(loaded.shared(session));
        } catch (IOException e) {
            throw new FunctionException(ErrorCode.CATALOG_FAILURE, "cannot read the shared model state: " + e.getMessage(), e);
        }
        List<Object[]> rows = new ArrayList<>();
        shared.forEach((method, m) -> {
            int rank = 0;
            for (Map.Entry<String, Double> e : m.importance().entrySet()) {
                rows.add(new Object[] {method, ++rank, e.getKey(), e.getValue(), loaded.version().version()});
            }
        });
        return rows;
    }
}
