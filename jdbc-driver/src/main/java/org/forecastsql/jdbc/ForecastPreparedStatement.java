package org.forecastsql.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLFeatureNotSupportedException;
import org.forecastsql.sql.ForecastSession;

/**
 * Prepared statements, routed once at prepare time ({@link StatementRouter}): H2's prepared
 * statement for plain SQL, Calcite's for ForecastSQL queries (executed inside the session's scope,
 * errors translated), and for {@code INSERT ... SELECT} over table functions a Calcite statement for
 * the SELECT whose rows {@link InsertSelect} stores. Parameters ({@code ?}) are set on the
 * underlying statement, in the same order.
 */
final class ForecastPreparedStatement {
    private ForecastPreparedStatement() {
    }

    static PreparedStatement h2(Connection connection, ForecastSession session, PreparedStatement h2, boolean schemaChange) {
        return Delegation.proxy(PreparedStatement.class, (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("getConnection")) {
                return connection;
            }
            if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                return Delegation.wrapperMethod(proxy, h2, method, args);
            }
            Object result = Delegation.invokeTranslated(h2, method, args);
            if (schemaChange && name.startsWith("execute")) {
                session.markSchemaStale();
            }
            return result;
        });
    }

    static PreparedStatement calcite(Connection connection, ForecastSession session, PreparedStatement calcite) {
        return Delegation.proxy(PreparedStatement.class, (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("getConnection")) {
                return connection;
            }
            if (name.equals("executeQuery") || name.equals("getResultSet")) {
                try (ForecastSession.Scope scope = session.enter()) {
                    return CalciteResults.wrap((java.sql.ResultSet) Delegation.invokeTranslated(calcite, method, args), session,
                            (java.sql.Statement) proxy);
                }
            }
            if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                return Delegation.wrapperMethod(proxy, calcite, method, args);
            }
            if (name.startsWith("execute")) {
                try (ForecastSession.Scope scope = session.enter()) {
                    return Delegation.invokeTranslated(calcite, method, args);
                }
            }
            return Delegation.invokeTranslated(calcite, method, args);
        });
    }

    static PreparedStatement insertSelect(Connection connection, ForecastSession session, PreparedStatement source, Route route) {
        long[] inserted = {-1};
        return Delegation.proxy(PreparedStatement.class, (proxy, method, args) -> {
            String name = method.getName();
            switch (name) {
                case "getConnection":
                    return connection;
                case "unwrap":
                case "isWrapperFor":
                    return Delegation.wrapperMethod(proxy, source, method, args);
                case "execute":
                case "executeUpdate":
                case "executeLargeUpdate":
                    if (args != null && args.length > 0) {
                        throw new java.sql.SQLException("a PreparedStatement runs its own SQL; call " + name + "() without arguments", "42000");
                    }
                    try (ForecastSession.Scope scope = session.enter()) {
                        inserted[0] = InsertSelect.run(session, route, source.executeQuery());
                    } catch (Exception e) {
                        throw SqlStates.timedOut(SqlStates.translate(e), source);
                    }
                    return name.equals("execute") ? (Object) false : name.equals("executeLargeUpdate") ? (Object) inserted[0] : (Object) (int) inserted[0];
                case "getUpdateCount":
                    return (int) inserted[0];
                case "getLargeUpdateCount":
                    return inserted[0];
                case "getResultSet":
                    return null;
                case "getMoreResults":
                    inserted[0] = -1;
                    return false;
                case "executeQuery":
                    throw new java.sql.SQLException("executeQuery cannot run an INSERT; use executeUpdate or execute", "42000");
                case "addBatch":
                case "executeBatch":
                case "executeLargeBatch":
                    throw new SQLFeatureNotSupportedException("batches of INSERT ... SELECT over ForecastSQL functions are not "
                            + "supported; execute the statement once per parameter set", "0A000");
                default:
                    return Delegation.invokeTranslated(source, method, args);
            }
        });
    }
}
