package org.forecastsql.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import org.forecastsql.sql.ForecastSession;

/**
 * The {@code jdbc:forecast:} driver. URL forms:
 * <ul>
 *   <li>{@code jdbc:forecast:file:<path>[;<H2 setting>=<value>...]}: an embedded H2 database file,
 *       created if missing ({@code <path>.mv.db} on disk);</li>
 *   <li>{@code jdbc:forecast:mem:<name>}: an in-memory database, gone when its last connection closes.</li>
 * </ul>
 * {@code user} and {@code password} properties are passed to H2 (default {@code sa} / empty).
 */
public final class ForecastDriver implements Driver {
    public static final String PREFIX = "jdbc:forecast:";
    static final int MAJOR = 0;
    static final int MINOR = 1;
    /**
     * Words H2 2.x reserves that are common column names in time-series data; freed so that
     * {@code CREATE TABLE sales(day DATE, value INT)} works as users expect.
     */
    private static final String NON_KEYWORDS = ";NON_KEYWORDS=DAY,HOUR,MINUTE,MONTH,SECOND,YEAR,VALUE,KEY";

    static {
        try {
            DriverManager.registerDriver(new ForecastDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String h2Url = h2Url(url);
        ForecastSession session = ForecastSession.open(h2Url, info == null ? new Properties() : info);
        return ForecastConnection.wrap(session, url);
    }

    /** The H2 URL behind a {@code jdbc:forecast:} URL. */
    static String h2Url(String url) throws SQLException {
        String rest = url.substring(PREFIX.length());
        if ((rest.startsWith("file:") && rest.length() > "file:".length())
                || (rest.startsWith("mem:") && rest.length() > "mem:".length())) {
            return "jdbc:h2:" + rest + (rest.toUpperCase(java.util.Locale.ROOT).contains(";NON_KEYWORDS=") ? "" : NON_KEYWORDS);
        }
        throw new SQLException("bad URL '" + url + "'; accepted: jdbc:forecast:file:<path> (embedded database file, "
                + "created if missing) or jdbc:forecast:mem:<name> (in memory)", SqlStates.BAD_CONNECTION_URL);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        DriverPropertyInfo user = new DriverPropertyInfo("user", info == null ? null : info.getProperty("user"));
        user.description = "database user (default sa)";
        DriverPropertyInfo password = new DriverPropertyInfo("password", null);
        password.description = "database password (default empty)";
        return new DriverPropertyInfo[] {user, password};
    }

    @Override
    public int getMajorVersion() {
        return MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return MINOR;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the driver logs through SLF4J");
    }
}
