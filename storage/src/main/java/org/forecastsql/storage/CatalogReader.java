package org.forecastsql.storage;

import static org.forecastsql.storage.CatalogSchema.BACKTEST;
import static org.forecastsql.storage.CatalogSchema.SERIES;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The queries that read the catalogue, each one statement (so one read-consistent snapshot); NULL doubles read back as NaN. */
final class CatalogReader {

    private CatalogReader() {
    }

    static List<ModelVersion> versions(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<ModelVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ModelVersion(rs.getString("NAME"), rs.getInt("VERSION"),
                            rs.getObject("CREATED", OffsetDateTime.class).toInstant(), rs.getString("OPTIONS"),
                            rs.getString("INPUT_FINGERPRINT"), rs.getInt("SERIES_COUNT"), rs.getString("METHODS"),
                            rs.getBytes("LAYOUT")));
                }
            }
            return out;
        }
    }

    static void series(Connection c, String key, int version, Consumer<SeriesRecord> consumer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SERIES_INDEX, KEY_TEXT, METHOD, N_OBS, STATUS, MASE, "
                + "SMAPE, STATE FROM " + SERIES + " WHERE NAME_KEY = ? AND VERSION = ? ORDER BY SERIES_INDEX")) {
            ps.setString(1, key);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(new SeriesRecord(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), doubleOrNaN(rs, 6), doubleOrNaN(rs, 7), rs.getBytes(8)));
                }
            }
        }
    }

    static List<BacktestRecord> backtest(Connection c, String key, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SERIES_INDEX, METHOD, N, MAE, RMSE, MAPE, SMAPE, MASE, "
                + "WAPE, BIAS, COVERAGE_80, COVERAGE_95 FROM " + BACKTEST + " WHERE NAME_KEY = ? AND VERSION = ? "
                + "ORDER BY ROW_NO")) {
            ps.setString(1, key);
            ps.setInt(2, version);
            List<BacktestRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BacktestRecord(rs.getInt(1), rs.getString(2), rs.getLong(3), doubleOrNaN(rs, 4),
                            doubleOrNaN(rs, 5), doubleOrNaN(rs, 6), doubleOrNaN(rs, 7), doubleOrNaN(rs, 8),
                            doubleOrNaN(rs, 9), doubleOrNaN(rs, 10), doubleOrNaN(rs, 11), doubleOrNaN(rs, 12)));
                }
            }
            return out;
        }
    }

    private static double doubleOrNaN(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
