package org.forecastsql.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Maps catalogue rows to records; NULL doubles read back as NaN. */
final class CatalogRows {

    private CatalogRows() {
    }

    static ModelVersion version(ResultSet rs) throws SQLException {
        return new ModelVersion(rs.getString("NAME"), rs.getInt("VERSION"),
                rs.getObject("CREATED", OffsetDateTime.class).toInstant(), rs.getString("OPTIONS"),
                rs.getString("INPUT_FINGERPRINT"), rs.getInt("SERIES_COUNT"), rs.getString("METHODS"),
                rs.getBytes("LAYOUT"));
    }

    /** Columns by position: SERIES_INDEX, KEY_TEXT, METHOD, N_OBS, STATUS, MASE, SMAPE, STATE. */
    static SeriesRecord series(ResultSet rs) throws SQLException {
        return new SeriesRecord(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                doubleOrNaN(rs, 6), doubleOrNaN(rs, 7), rs.getBytes(8));
    }

    static BacktestRecord backtest(ResultSet rs) throws SQLException {
        return new BacktestRecord(rs.getInt("SERIES_INDEX"), rs.getString("METHOD"), rs.getLong("N"),
                doubleOrNaN(rs, "MAE"), doubleOrNaN(rs, "RMSE"), doubleOrNaN(rs, "MAPE"), doubleOrNaN(rs, "SMAPE"),
                doubleOrNaN(rs, "MASE"), doubleOrNaN(rs, "WAPE"), doubleOrNaN(rs, "BIAS"),
                doubleOrNaN(rs, "COVERAGE_80"), doubleOrNaN(rs, "COVERAGE_95"));
    }

    private static double doubleOrNaN(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static double doubleOrNaN(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
