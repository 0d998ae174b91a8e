package org.forecastsql.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;

/** Small helpers for the driver's JDBC wrappers, which are dynamic proxies over H2's and Calcite's objects. */
final class Delegation {
    private Delegation() {
    }

    /** Calls {@code method} on {@code target}, unwrapping reflection's wrapper exception. */
    static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Like {@link #invoke}, but with every failure turned into a user-facing {@link SQLException}. */
    static Object invokeTranslated(Object target, Method method, Object[] args) throws SQLException {
        try {
            return invoke(target, method, args);
        } catch (Throwable e) {
            throw SqlStates.translate(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(Delegation.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** The standard {@code unwrap}/{@code isWrapperFor} answers for a wrapper around {@code inner}. */
    static Object wrapperMethod(Object self, Object inner, Method method, Object[] args) throws Throwable {
        Class<?> iface = (Class<?>) args[0];
        if (method.getName().equals("isWrapperFor")) {
            return iface.isInstance(self) || iface.isInstance(inner);
        }
        if (iface.isInstance(self)) {
            return self;
        }
        if (iface.isInstance(inner)) {
            return inner;
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }
}
