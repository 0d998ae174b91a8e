package org.forecastsql.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * An INPUT, FUTURE or ACTUALS argument as a query Calcite can run: a query string (what a
 * {@code CURSOR(...)} argument becomes, or a query the user wrote) is used as it is; a table or
 * view name, possibly qualified, becomes {@code SELECT * FROM name} once the table is known to exist.
 */
final class InputQuery {
    private InputQuery() {
    }

    static String resolve(String argument, String what, Connection h2) {
        if (argument == null || argument.isBlank()) {
            throw new FunctionException(ErrorCode.BAD_ARGUMENT, what + " is empty; accepted: a table or view name, a query "
                    + "string, or CURSOR(SELECT ...)");
        }
        SqlNode node;
        try {
            node = SqlParsing.parser(argument).parseExpression();
        } catch (SqlParseException e) {
            node = null;
        }
        if (!(node instanceof SqlIdentifier)) {
            // anything but a name must be a query: never run DML or DDL handed in as an argument
            try {
                node = SqlParsing.parser(argument).parseStmt();
            } catch (SqlParseException e) {
                throw new FunctionException(ErrorCode.BAD_ARGUMENT, what + " is neither a table name nor a query: "
                        + e.getMessage().lines().findFirst().orElse("") + "; accepted: a table or view name, a query "
                        + "string, or CURSOR(SELECT ...)", e);
            }
        }
        if (node instanceof SqlIdentifier id) {
            List<String> names = id.names;
            checkTableExists(names, what, h2);
            return "SELECT * FROM " + id.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
        }
        if (!SqlKind.QUERY.contains(node.getKind())) {
            throw new FunctionException(ErrorCode.BAD_ARGUMENT, what + " '" + argument
                    + "' is neither a table name nor a query; accepted: a table or view name, a query string, or CURSOR(SELECT ...)");
        }
        return argument;
    }

    private static void checkTableExists(List<String> names, String what, Connection h2) {
        String table = names.get(names.size() - 1);
        String schema = names.size() > 1 ? names.get(names.size() - 2) : null;
        try {
            DatabaseMetaData md = h2.getMetaData();
            try (ResultSet rs = md.getTables(null, schema, table, null)) {
                if (rs.next()) {
                    return;
                }
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, schema == null ? h2.getSchema() : schema, "%", new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            throw new FunctionException(ErrorCode.UNKNOWN_TABLE, "unknown table '" + String.join(".", names) + "' in " + what
                    + "; tables: " + (tables.isEmpty() ? "(none)" : String.join(", ", tables).toLowerCase(Locale.ROOT)));
        } catch (SQLException e) {
            throw new FunctionException(ErrorCode.INTERNAL, "cannot read the table list: " + e.getMessage(), e);
        }
    }
}
