package org.forecastsql.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.forecastsql.sql.ForecastSession;

/**
 * A {@link Statement} that routes each SQL text ({@link StatementRouter}): to H2's statement, to
 * a Calcite statement (run inside the session's scope, errors translated), or through
 * {@link InsertSelect}. Results and settings are those of the statement that ran last.
 */
final class ForecastStatement implements InvocationHandler {
    private final Connection connection;
    private final ForecastSession session;
    private final Statement h2;
    private Statement calcite;
    /** The statement that ran last (or runs now: cancel() comes from another thread). */
    private volatile Statement last;
    private long insertedRows = -1;
    private final List<String> batch = new ArrayList<>();
    /** Setter calls (setMaxRows, setQueryTimeout, ...), replayed on the Calcite statement when it is created. */
    private final List<Object[]> settings = new ArrayList<>();

    private Statement self;

    private ForecastStatement(Connection connection, ForecastSession session, Statement h2) {
        this.connection = connection;
        this.session = session;
        this.h2 = h2;
        this.last = h2;
    }

    static Statement wrap(Connection connection, ForecastSession session, Statement h2) {
        ForecastStatement handler = new ForecastStatement(connection, session, h2);
        handler.self = Delegation.proxy(Statement.class, handler);
        return handler.self;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "execute":
            case "executeQuery":
            case "executeUpdate":
            case "executeLargeUpdate":
                return execute(method, args);
            case "addBatch":
                batch.add((String) args[0]);
                return null;
            case "clearBatch":
                batch.clear();
                return null;
            case "executeBatch":
            case "executeLargeBatch":
                return executeBatch(name.equals("executeLargeBatch"));
            case "getConnection":
                return connection;
            case "getUpdateCount":
                return insertedRows >= 0 ? (int) insertedRows : Delegation.invokeTranslated(last, method, args);
            case "getLargeUpdateCount":
                return insertedRows >= 0 ? insertedRows : Delegation.invokeTranslated(last, method, args);
            case "getResultSet":
                if (insertedRows >= 0) {
                    return null;
                }
                return last == h2 ? h2.getResultSet() : CalciteResults.wrap(calcite.getResultSet(), session, self);
            case "getMoreResults":
                if (insertedRows >= 0) {
                    insertedRows = -1;
                    return false;
                }
                return Delegation.invokeTranslated(last, method, args);
            case "close":
                if (calcite != null) {
                    calcite.close();
                }
                h2.close();
                return null;
            case "unwrap":
            case "isWrapperFor":
                return Delegation.wrapperMethod(proxy, h2, method, args);
            case "toString":
                return "ForecastStatement";
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                if (name.startsWith("set")) {
                    settings.add(new Object[] {method, args});
                    if (calcite != null) {
                        Delegation.invokeTranslated(calcite, method, args);
                    }
                    return Delegation.invokeTranslated(h2, method, args);
                }
                return Delegation.invokeTranslated(last, method, args);
        }
    }

    private Object execute(Method method, Object[] args) throws SQLException {
        String sql = (String) args[0];
        Route route = StatementRouter.route(sql);
        insertedRows = -1;
        switch (route.kind()) {
            case H2: {
                last = h2;
                Object result;
                try {
                    result = Delegation.invokeTranslated(h2, method, args);
                } catch (SQLException e) {
                    throw route.explain(e);
                }
                if (route.schemaChange()) {
                    session.markSchemaStale();
                }
                return result;
            }
            case CALCITE: {
                if (method.getName().startsWith("executeUpdate") || method.getName().equals("executeLargeUpdate")) {
                    throw new SQLException("executeUpdate cannot run a query; use executeQuery or execute: " + sql, "42000");
                }
                try (ForecastSession.Scope scope = session.enter()) {
                    if (calcite == null) {
                        calcite = session.calcite().createStatement();
                        for (Object[] s : settings) {
                            Delegation.invokeTranslated(calcite, (Method) s[0], (Object[]) s[1]);
                        }
                    }
                    last = calcite;
                    return method.getName().equals("executeQuery")
                            ? CalciteResults.wrap(calcite.executeQuery(route.sql()), session, self) : calcite.execute(route.sql());
                } catch (Exception e) {
                    throw SqlStates.timedOut(SqlStates.translate(e), calcite);
                }
            }
            default: {
                if (method.getName().equals("executeQuery")) {
                    throw new SQLException("executeQuery cannot run an INSERT; use executeUpdate or execute: " + sql, "42000");
                }
                try (ForecastSession.Scope scope = session.enter(); Statement source = session.calcite().createStatement()) {
                    insertedRows = InsertSelect.run(session, route, source.executeQuery(route.sql()));
                } catch (Exception e) {
                    throw SqlStates.timedOut(SqlStates.translate(e), h2);
                }
                return switch (method.getName()) {
                    case "execute" -> false;
                    case "executeLargeUpdate" -> insertedRows;
                    default -> (int) insertedRows;
                };
            }
        }
    }

    private Object executeBatch(boolean large) throws SQLException {
        List<String> statements = List.copyOf(batch);
        batch.clear();
        List<Route> routes = new ArrayList<>();
        for (String s : statements) {
            routes.add(StatementRouter.route(s));
        }
        if (routes.stream().allMatch(r -> r.kind() == Route.Kind.H2)) {
            for (Route r : routes) {
                h2.addBatch(r.sql());
                if (r.schemaChange()) {
                    session.markSchemaStale();
                }
            }
            return large ? h2.executeLargeBatch() : h2.executeBatch();
        }
        long[] counts = new long[statements.size()];
        Method update;
        try {
            update = Statement.class.getMethod("executeLargeUpdate", String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < counts.length; i++) {
            try {
                counts[i] = (Long) execute(update, new Object[] {statements.get(i)});
            } catch (SQLException e) {
                long[] done = java.util.Arrays.copyOf(counts, i);
                throw new java.sql.BatchUpdateException("batch statement " + (i + 1) + " of " + counts.length + " failed: "
                        + e.getMessage(), e.getSQLState(), e.getErrorCode(), done, e);
            }
        }
        if (large) {
            return counts;
        }
        int[] ints = new int[counts.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = (int) counts[i];
        }
        return ints;
    }
}
