package org.forecastsql.storage;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One column of a result set as JDBC describes it: its label, {@link Types JDBC type}, database type
 * name (H2's, e.g. {@code CHARACTER VARYING}), precision and scale.
 */
public record ColumnInfo(String name, int jdbcType, String typeName, int precision, int scale) {

    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeName, "typeName");
    }

    /** The columns of a result set, labels taken with {@code getColumnLabel} (aliases win over names). */
    public static List<ColumnInfo> describe(ResultSetMetaData md) throws SQLException {
        int n = md.getColumnCount();
        List<ColumnInfo> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String typeName = md.getColumnTypeName(i);
            columns.add(new ColumnInfo(md.getColumnLabel(i), md.getColumnType(i),
                    typeName == null ? "" : typeName, md.getPrecision(i), md.getScale(i)));
        }
        return List.copyOf(columns);
    }

    /** Exact or approximate numbers: readable with {@code getDouble}. */
    public boolean isNumeric() {
        switch (jdbcType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
            case Types.DECIMAL:
            case Types.NUMERIC:
                return true;
            default:
                return false;
        }
    }

    /** Exact integers readable with {@code getLong}: TINYINT, SMALLINT, INTEGER, BIGINT. */
    public boolean isInteger() {
        switch (jdbcType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                return true;
            default:
                return false;
        }
    }

    /** DATE, TIMESTAMP or TIMESTAMP WITH TIME ZONE (TIME alone is not a point in a series' history). */
    public boolean isTemporal() {
        switch (jdbcType) {
            case Types.DATE:
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return true;
            default:
                return false;
        }
    }

    /** The type as a user would write it, e.g. {@code DECIMAL(10, 2)} or {@code CHARACTER VARYING}. */
    String displayType() {
        if ((jdbcType == Types.DECIMAL || jdbcType == Types.NUMERIC) && precision > 0) {
            return typeName + "(" + precision + ", " + scale + ")";
        }
        return typeName;
    }
}
