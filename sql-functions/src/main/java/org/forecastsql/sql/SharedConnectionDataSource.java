package org.forecastsql.sql;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands Calcite's JDBC adapter the session's own H2 connection, with {@code close()} made a no-op,
 * so that queries planned by Calcite run in the user's transaction and see its uncommitted rows.
 * Statements and result sets it hands out lead back to that proxy, never to H2's connection.
 */
final class SharedConnectionDataSource implements DataSource {
    private final Connection shared;

    SharedConnectionDataSource(Connection h2) {
        Connection[] self = new Connection[1];
        self[0] = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            return null;
                        case "isClosed":
                            return h2.isClosed();
                        default:
                            return wrapResult(method, invoke(h2, method, args), self[0], null);
                    }
                });
        this.shared = self[0];
    }

    /**
     * Statements, result sets and metadata handed out are wrapped too: Calcite closes
     * {@code resultSet.getStatement().getConnection()} after a query, which must reach the no-op
     * proxy, never H2's connection.
     */
    private static Object wrapResult(java.lang.reflect.Method method, Object result, Connection connection, Object statement) {
        Class<?> type = method.getReturnType();
        if (result == null || !type.isInterface() || !type.getName().startsWith("java.sql.")
                || !(result instanceof Statement || result instanceof java.sql.ResultSet || result instanceof java.sql.DatabaseMetaData)) {
            return result;
        }
        Object[] self = new Object[1];
        self[0] = Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            switch (m.getName()) {
                case "getConnection":
                    return connection;
                case "getStatement":
                    return statement != null ? statement : (result instanceof Statement ? self[0] : null);
                default:
                    return wrapResult(m, invoke(result, m, args), connection, result instanceof Statement ? self[0] : statement);
            }
        });
        return self[0];
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Connection getConnection() {
        return shared;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return shared;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no logging through the DataSource
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the connection is already open
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
