package org.forecastsql.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.forecastsql.storage.ColumnInfo;

/**
 * A table whose columns are known before it is scanned and whose rows are computed by
 * {@link #rows()} when Calcite scans it. Values are in Calcite's internal representation
 * ({@link InternalValues}).
 */
abstract class RowTable extends AbstractTable implements ScannableTable {

    /** A column of the result: a name and an SQL type. */
    record Column(String name, SqlTypeName type, int precision, int scale) {
        static Column of(String name, SqlTypeName type) {
            return new Column(name, type, -1, -1);
        }

        /** A column with the SQL type a training input column had. */
        static Column like(ColumnInfo c) {
            SqlTypeName t = SqlTypeName.getNameForJdbcType(c.jdbcType());
            if (t == null) {
                t = SqlTypeName.VARCHAR;
            }
            int p = t.allowsPrec() && c.precision() > 0 ? c.precision() : -1;
            int s = t.allowsScale() && p > 0 ? c.scale() : -1;
            return new Column(c.name(), t, p, s);
        }
    }

    /** The columns, fixed for this table instance. */
    abstract List<Column> columns();

    /** The rows, computed on scan. */
    abstract List<Object[]> rows();

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        List<RelDataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Column c : columns()) {
            RelDataType t;
            if (c.precision() > 0 && c.scale() >= 0 && c.type().allowsScale()) {
                t = f.createSqlType(c.type(), c.precision(), c.scale());
            } else if (c.precision() > 0 && c.type().allowsPrec()) {
                t = f.createSqlType(c.type(), c.precision());
            } else {
                t = f.createSqlType(c.type());
            }
            types.add(f.createTypeWithNullability(t, true));
            names.add(c.name());
        }
        return f.createStructType(types, names);
    }

    /** Whether the running statement was cancelled or ran past its query timeout (set on scan). */
    private volatile BooleanSupplier cancelled = () -> false;
    private volatile boolean timedOut;

    /** Whether the running statement was cancelled or ran past its query timeout: long work polls it. */
    BooleanSupplier cancellation() {
        return cancelled;
    }

    /** The error for a cancelled statement: a timeout or a cancel. */
    FunctionException cancelledError() {
        return timedOut
                ? new FunctionException(ErrorCode.TIMED_OUT, "statement cancelled: it ran past its query timeout; nothing was stored")
                : new FunctionException(ErrorCode.CANCELLED, "statement cancelled; nothing was stored");
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        AtomicBoolean flag = DataContext.Variable.CANCEL_FLAG.get(root);
        Long timeoutMillis = DataContext.Variable.TIMEOUT.get(root);
        long deadline = timeoutMillis != null && timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : Long.MAX_VALUE;
        timedOut = false;
        cancelled = () -> {
            if (System.nanoTime() > deadline) {
                timedOut = true;
                return true;
            }
            return flag != null && flag.get();
        };
        return Linq4j.asEnumerable(rows());
    }
}
