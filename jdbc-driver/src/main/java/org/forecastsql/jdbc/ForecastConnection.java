package org.forecastsql.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.forecastsql.sql.ForecastSession;

/**
 * A {@code jdbc:forecast:} connection: H2's connection (transactions, metadata, plain SQL) with
 * statements that route each SQL text to H2 or Calcite ({@link StatementRouter}).
 */
final class ForecastConnection implements InvocationHandler {
    private final ForecastSession session;
    private final String url;
    private Connection self;

    private ForecastConnection(ForecastSession session, String url) {
        this.session = session;
        this.url = url;
    }

    static Connection wrap(ForecastSession session, String url) {
        ForecastConnection handler = new ForecastConnection(session, url);
        handler.self = Delegation.proxy(Connection.class, handler);
        return handler.self;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Connection h2 = session.h2();
        switch (method.getName()) {
            case "createStatement":
                return ForecastStatement.wrap(self, session, (Statement) Delegation.invoke(h2, method, args));
            case "prepareStatement":
                return prepare(method, args);
            case "getMetaData":
                return ForecastMetaData.wrap(self, url, h2.getMetaData());
            case "close":
            case "abort":
                if (!h2.isClosed()) {
                    session.close();
                }
                return null;
            case "unwrap":
            case "isWrapperFor":
                return Delegation.wrapperMethod(proxy, h2, method, args);
            case "toString":
                return "ForecastConnection[" + url + "]";
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                return Delegation.invokeTranslated(h2, method, args);
        }
    }

    private PreparedStatement prepare(Method method, Object[] args) throws SQLException {
        String sql = (String) args[0];
        Route route = StatementRouter.route(sql);
        switch (route.kind()) {
            case H2: {
                PreparedStatement ps;
                try {
                    ps = (PreparedStatement) Delegation.invokeTranslated(session.h2(), method, args);
                } catch (SQLException e) {
                    throw route.explain(e);
                }
                return ForecastPreparedStatement.h2(self, session, ps, route.schemaChange());
            }
            case CALCITE: {
                try (ForecastSession.Scope scope = session.enter()) {
                    return ForecastPreparedStatement.calcite(self, session, session.calcite().prepareStatement(route.sql()));
                } catch (Exception e) {
                    throw SqlStates.translate(e);
                }
            }
            default: {
                try (ForecastSession.Scope scope = session.enter()) {
                    PreparedStatement source = session.calcite().prepareStatement(route.sql());
                    return ForecastPreparedStatement.insertSelect(self, session, source, route);
                } catch (Exception e) {
                    throw SqlStates.translate(e);
                }
            }
        }
    }
}
