package org.forecastsql.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.forecastsql.sql.SqlParsing;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Decides where a statement runs, from its parse tree (never from its text):
 * statements that use a ForecastSQL table function ({@code TRAIN_MODEL}, {@code FORECAST},
 * {@code EVALUATE}, {@code DROP_MODEL}) or system table ({@code FORECAST_MODELS},
 * {@code FORECAST_INFO}) go to Calcite, with {@code CURSOR(query)} arguments rewritten into
 * query strings ({@link CursorRewriter}); an {@code INSERT ... SELECT} over them is split so that
 * Calcite runs the SELECT and H2 stores the rows; everything else (DDL, DML, H2 functions such as
 * {@code CSVREAD}, plain queries) goes to H2 unchanged, in H2's dialect.
 */
final class StatementRouter {
    private static final Set<String> FUNCTIONS = Set.of("TRAIN_MODEL", "FORECAST", "EVALUATE", "DROP_MODEL",
            "FEATURE_IMPORTANCE");
    private static final Set<String> SYSTEM_TABLES = Set.of("FORECAST_MODELS", "FORECAST_INFO");
    private static final Set<String> READ_ONLY_H2 = Set.of("SELECT", "WITH", "VALUES", "INSERT", "UPDATE", "DELETE",
            "MERGE", "EXPLAIN", "CALL", "SHOW", "TABLE");

    private StatementRouter() {
    }

    static Route route(String sql) throws java.sql.SQLException {
        SqlNode node;
        try {
            node = SqlParsing.parser(sql).parseStmt();
        } catch (SqlParseException e) {
            String first = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("syntax error");
            return Route.h2(sql, mayChangeSchema(sql), first);
        }
        if (writesTheCatalogue(node)) {
            throw new java.sql.SQLException("the model catalogue (schema FORECAST_CATALOG) is changed only by TRAIN_MODEL "
                    + "and DROP_MODEL; read it with SELECT or FORECAST_MODELS", "42501");
        }
        if (!usesForecastSql(node)) {
            return Route.h2(sql, mayChangeSchema(node), null);
        }
        String literalProblem = parameterWhereALiteralIsNeeded(node);
        if (literalProblem != null) {
            throw new java.sql.SQLException(literalProblem, "22023");
        }
        SqlNode rewritten = CursorRewriter.rewrite(node);
        if (rewritten instanceof SqlInsert insert) {
            SqlIdentifier target = (SqlIdentifier) insert.getTargetTable();
            SqlNodeList cols = insert.getTargetColumnList();
            List<String> columns = cols == null ? List.of()
                    : cols.getList().stream().map(c -> ((SqlIdentifier) c).getSimple()).toList();
            String select = insert.getSource().toSqlString(CalciteSqlDialect.DEFAULT).getSql();
            return new Route(Route.Kind.INSERT_SELECT, select, target.names, columns, false, null);
        }
        String text = rewritten == node ? sql : rewritten.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
        return Route.calcite(text);
    }

    /** Whether an INSERT, UPDATE, DELETE or MERGE targets a table of the catalogue's schema. */
    private static boolean writesTheCatalogue(SqlNode node) {
        SqlNode target = switch (node.getKind()) {
            case INSERT -> ((SqlInsert) node).getTargetTable();
            case UPDATE -> ((org.apache.calcite.sql.SqlUpdate) node).getTargetTable();
            case DELETE -> ((org.apache.calcite.sql.SqlDelete) node).getTargetTable();
            case MERGE -> ((org.apache.calcite.sql.SqlMerge) node).getTargetTable();
            default -> null;
        };
        return target instanceof SqlIdentifier id && id.names.size() > 1
                && id.names.get(0).equalsIgnoreCase(org.forecastsql.sql.ForecastSession.CATALOG_SCHEMA);
    }

    /** Whether the tree calls one of our table functions or reads one of our system tables. */
    static boolean usesForecastSql(SqlNode node) {
        boolean[] found = {false};
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (FUNCTIONS.contains(call.getOperator().getName().toUpperCase(Locale.ROOT))) {
                    found[0] = true;
                }
                return super.visit(call);
            }

            @Override
            public Void visit(SqlIdentifier id) {
                if (SYSTEM_TABLES.contains(id.names.get(id.names.size() - 1).toUpperCase(Locale.ROOT))) {
                    found[0] = true;
                }
                return null;
            }
        });
        return found[0];
    }

    /** Arguments that decide the output columns, by function: these must be literals, never {@code ?}. */
    private static final java.util.Map<String, List<String>> LITERAL_ARGUMENTS = java.util.Map.of(
            "TRAIN_MODEL", List.of("MODEL", "INPUT", "OPTIONS"), "FORECAST", List.of("MODEL"),
            "EVALUATE", List.of("MODEL"), "DROP_MODEL", List.of("MODEL"), "FEATURE_IMPORTANCE", List.of("MODEL"));

    /**
     * A message when a {@code ?} parameter stands where a literal is needed (the output columns are
     * decided while the statement is prepared, before parameters have values); null when all is well.
     */
    static String parameterWhereALiteralIsNeeded(SqlNode node) {
        String[] problem = {null};
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                String fn = call.getOperator().getName().toUpperCase(Locale.ROOT);
                List<String> literal = LITERAL_ARGUMENTS.get(fn);
                if (literal != null) {
                    List<SqlNode> ops = call.getOperandList();
                    for (int i = 0; i < ops.size(); i++) {
                        SqlNode op = ops.get(i);
                        String name = i < literal.size() ? literal.get(i) : null;
                        if (op instanceof SqlCall named && named.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
                            name = ((SqlIdentifier) named.operand(1)).getSimple().toUpperCase(Locale.ROOT);
                            op = named.operand(0);
                        }
                        if (op instanceof org.apache.calcite.sql.SqlDynamicParam && literal.contains(name)) {
                            problem[0] = fn + "'s " + name + " must be a literal, not a ? parameter (the output "
                                    + "columns depend on it); parameters are accepted for the other arguments";
                        }
                    }
                }
                return super.visit(call);
            }
        });
        return problem[0];
    }

    private static boolean mayChangeSchema(SqlNode node) {
        return !(node.getKind() == SqlKind.SELECT || node.getKind() == SqlKind.INSERT || node.getKind() == SqlKind.UPDATE
                || node.getKind() == SqlKind.DELETE || node.getKind() == SqlKind.MERGE || SqlKind.QUERY.contains(node.getKind()));
    }

    /** For statements Calcite cannot parse (H2's own syntax), the first keyword decides; DDL is assumed otherwise. */
    private static boolean mayChangeSchema(String sql) {
        String s = sql.stripLeading();
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return !READ_ONLY_H2.contains(s.substring(0, end).toUpperCase(Locale.ROOT));
    }
}
