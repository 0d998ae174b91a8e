package org.forecastsql.jdbc;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Replaces each {@code CURSOR(query)} argument by the query's SQL as a string literal. Calcite
 * 1.42 cannot validate CURSOR arguments to user table functions (DESIGN §7); our functions accept
 * a query string for the same argument, so the rewrite keeps the meaning. Works on the parse tree;
 * the query is unparsed in Calcite's own dialect, so it parses back the same.
 */
final class CursorRewriter extends SqlShuttle {
    private boolean changed;

    private CursorRewriter() {
    }

    /** The rewritten tree, or {@code node} itself when it has no CURSOR call. */
    static SqlNode rewrite(SqlNode node) {
        CursorRewriter r = new CursorRewriter();
        SqlNode out = node.accept(r);
        return r.changed ? out : node;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call.getKind() == SqlKind.CURSOR) {
            changed = true;
            SqlNode query = call.operand(0);
            return SqlLiteral.createCharString(query.toSqlString(CalciteSqlDialect.DEFAULT).getSql(), call.getParserPosition());
        }
        return super.visit(call);
    }
}
