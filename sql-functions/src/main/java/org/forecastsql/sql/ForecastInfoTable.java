package org.forecastsql.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.forecastsql.engine.model.ModelFamilies;
import org.forecastsql.engine.model.ModelFamily;

/** The {@code FORECAST_INFO} system table: what this driver can do (KEY, VALUE rows). */
final class ForecastInfoTable extends RowTable {
    /** The compute backend of every family but the neural network: plain Java on all cores. */
    static final String BACKEND = "cpu-java";

    @Override
    List<Column> columns() {
        return List.of(Column.of("KEY", SqlTypeName.VARCHAR), Column.of("VALUE", SqlTypeName.VARCHAR));
    }

    @Override
    List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        Package p = ForecastInfoTable.class.getPackage();
        rows.add(new Object[] {"version", p.getImplementationVersion() == null ? "dev" : p.getImplementationVersion()});
        rows.add(new Object[] {"backend", BACKEND});
        rows.add(new Object[] {"neural_backend", org.forecastsql.engine.neural.NeuralFamily.backendOnClassPath()});
        rows.add(new Object[] {"cores", Integer.toString(Runtime.getRuntime().availableProcessors())});
        rows.add(new Object[] {"methods", String.join(",", ModelFamilies.all().stream().map(ModelFamily::method).toList())});
        return rows;
    }
}
