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
 * @param parseError  why ForecastSQL's parser rejected the statement (it then goes to H2 as it is); null if it parsed
 */
record Route(Kind kind, String sql, List<String> insertTable, List<String> insertColumns, boolean schemaChange,
             String parseError) {

    enum Kind {
        /** Plain SQL with no ForecastSQL function or system table: H2 runs it as it is (H2's dialect). */
        H2,
        /** A query using table functions or system tables: Calcite plans it, pushing H2 parts into H2. */
        CALCITE,
        /** INSERT INTO h2_table SELECT ... using table functions: Calcite runs the SELECT, rows go into H2. */
        INSERT_SELECT
    }

    static Route h2(String sql, boolean schemaChange, String parseError) {
        return new Route(Kind.H2, sql, List.of(), List.of(), schemaChange, parseError);
    }

    static Route calcite(String sql) {
        return new Route(Kind.CALCITE, sql, List.of(), List.of(), false, null);
    }

    /**
     * An H2 failure of this statement as the user should see it: when ForecastSQL's parser had
     * rejected the statement too (a reserved word, say), H2's syntax error is followed by ours, since
     * the user may have meant a ForecastSQL function.
     */
    java.sql.SQLException explain(java.sql.SQLException h2Error) {
        String state = h2Error.getSQLState();
        if (parseError == null || state == null || !state.startsWith("42")) {
            return h2Error;
        }
        return new java.sql.SQLException(h2Error.getMessage() + "\nForecastSQL's parser (for TRAIN_MODEL, FORECAST, "
                + "EVALUATE...) also rejected it: " + parseError + " (quote reserved words used as names: \"snapshot\")",
                state, h2Error.getErrorCode(), h2Error);
    }
}
