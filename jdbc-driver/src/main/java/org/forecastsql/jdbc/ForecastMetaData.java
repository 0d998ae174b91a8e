package org.forecastsql.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;

/**
 * H2's {@link DatabaseMetaData} (tables, columns, types: what BI tools read on connect), answering
 * with this driver's name, version, URL and connection.
 */
final class ForecastMetaData {
    private ForecastMetaData() {
    }

    static DatabaseMetaData wrap(Connection connection, String url, DatabaseMetaData h2) {
        return Delegation.proxy(DatabaseMetaData.class, (proxy, method, args) -> switch (method.getName()) {
            case "getConnection" -> connection;
            case "getURL" -> url;
            case "getDriverName" -> "ForecastSQL JDBC driver";
            case "getDriverVersion" -> ForecastDriver.MAJOR + "." + ForecastDriver.MINOR;
            case "getDriverMajorVersion" -> ForecastDriver.MAJOR;
            case "getDriverMinorVersion" -> ForecastDriver.MINOR;
            case "unwrap", "isWrapperFor" -> Delegation.wrapperMethod(proxy, h2, method, args);
            default -> Delegation.invokeTranslated(h2, method, args);
        });
    }
}
