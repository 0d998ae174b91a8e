package org.forecastsql.jdbc;

import java.util.List;

/**
 * Where a statement runs.
 *
 * @param kind        the path
 * @param sql         the SQL to run there (CURSOR arguments rewritten for Calcite)
 * @param insertTable for {@link Kind#INSERT_SELECT}: the target table's name parts
 * @param insertColumns for {@link Kind#INSERT_SELECT}: the target columns (empty: all, in order)
 * @param schemaChange whether an H2 statement may change the schema (DDL), so Calcite must re-read it
 */
record Route(Kind kind, String sql, List<String> insertTable, List<String> insertColumns, boolean schemaChange) {

    enum Kind {
        /** Plain SQL with no ForecastSQL function or system table: H2 runs it as it is (H2's dialect). */
        H2,
        /** A query using table functions or system tables: Calcite plans it, pushing H2 parts into H2. */
        CALCITE,
        /** INSERT INTO h2_table SELECT ... using table functions: Calcite runs the SELECT, rows go into H2. */
        INSERT_SELECT
    }

    static Route h2(String sql, boolean schemaChange) {
        return new Route(Kind.H2, sql, List.of(), List.of(), schemaChange);
    }

    static Route calcite(String sql) {
        return new Route(Kind.CALCITE, sql, List.of(), List.of(), false);
    }
}
