package org.forecastsql.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.forecastsql.storage.StorageException;

/** {@code DROP_MODEL(model)}: removes every version of a model in one transaction; one row says what went. */
final class DropModelTable extends RowTable {
    private final ForecastSession session;
    private final String model;

    DropModelTable(ForecastSession session, String model) {
        this.session = session;
        this.model = ModelNames.check(model);
    }

    @Override
    List<Column> columns() {
        return List.of(Column.of("NAME", SqlTypeName.VARCHAR), Column.of("VERSIONS_DROPPED", SqlTypeName.INTEGER));
    }

    @Override
    List<Object[]> rows() {
        LoadedModel latest = LoadedModel.load(session, model, null);
        try {
            int versions = (int) session.catalog().listAll().stream()
                    .filter(v -> v.name().equalsIgnoreCase(model)).count();
            session.catalog().drop(model);
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {latest.version().name(), versions});
            return rows;
        } catch (StorageException e) {
            throw Errors.of(e);
        }
    }
}
