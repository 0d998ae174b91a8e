package org.forecastsql.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.forecastsql.sql.ForecastSession;

/**
 * {@code INSERT INTO t [(cols)] SELECT ... FROM TABLE(FORECAST(...))}: the SELECT's rows (run by
 * Calcite) are inserted into the H2 table in batches, atomically: in autocommit mode in one
 * transaction, inside the user's transaction back to a savepoint; either every row lands or none does.
 */
final class InsertSelect {
    private static final int BATCH = 1000;

    private InsertSelect() {
    }

    static long run(ForecastSession session, Route route, ResultSet rows) throws SQLException {
        Connection h2 = session.h2();
        int width = rows.getMetaData().getColumnCount();
        String target = route.insertTable().stream().map(InsertSelect::quote).collect(Collectors.joining("."));
        String columns = route.insertColumns().isEmpty() ? ""
                : route.insertColumns().stream().map(InsertSelect::quote).collect(Collectors.joining(", ", " (", ")"));
        String sql = "INSERT INTO " + target + columns + " VALUES (" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
        boolean autoCommit = h2.getAutoCommit();
        long count = 0;
        java.sql.Savepoint start = null;
        try (rows; PreparedStatement insert = h2.prepareStatement(sql)) {
            if (autoCommit) {
                h2.setAutoCommit(false);
            } else {
                start = h2.setSavepoint();
            }
            while (rows.next()) {
                for (int c = 1; c <= width; c++) {
                    insert.setObject(c, rows.getObject(c));
                }
                insert.addBatch();
                if (++count % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            if (autoCommit) {
                h2.commit();
            } else {
                h2.releaseSavepoint(start);
            }
        } catch (SQLException | RuntimeException e) {
            if (autoCommit) {
                h2.rollback();
            } else if (start != null) {
                h2.rollback(start);
            }
            throw e;
        } finally {
            if (autoCommit) {
                h2.setAutoCommit(true);
            }
        }
        return count;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

}
