package org.forecastsql.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dictionary-encodes the key tuple of each scanned row to a dense series code (0, 1, ... in first-seen
 * order). The tuple a code stands for is kept as {@code ResultSet.getObject} values.
 *
 * <p>Integer keys are probed with {@code getLong} in an open-addressing table of primitive longs, so a
 * row that hits an existing series allocates nothing; other keys are probed with one reused tuple
 * object, so a hit allocates only what the driver's {@code getObject} does.
 */
abstract class KeyDictionary {

    private final List<Object[]> keys = new ArrayList<>();

    /** The code of the current row's key tuple, adding it when new. */
    abstract int code(ResultSet rs) throws SQLException;

    /** The key tuples, indexed by code. */
    final List<Object[]> keys() {
        return keys;
    }

    final int add(Object[] tuple) {
        keys.add(tuple);
        return keys.size() - 1;
    }

    static KeyDictionary create(int[] keyColumns, List<ColumnInfo> infos) {
        if (keyColumns.length == 0) {
            return new Single();
        }
        boolean allInteger = keyColumns.length < 64; // one NULL-mask bit per column

        for (int c : keyColumns) {
            allInteger &= infos.get(c - 1).isInteger();
        }
        return allInteger ? new IntegerKeys(keyColumns) : new ObjectKeys(keyColumns);
    }

    static Object[] readObjects(ResultSet rs, int[] columns) throws SQLException {
        Object[] tuple = new Object[columns.length];
        for (int j = 0; j < columns.length; j++) {
            tuple[j] = rs.getObject(columns[j]);
        }
        return tuple;
    }

    /** No key columns: every row is series 0, whose tuple is empty. */
    private static final class Single extends KeyDictionary {
        Single() {
            add(new Object[0]);
        }

        @Override
        int code(ResultSet rs) {
            return 0;
        }
    }

    /** All key columns are integer types: tuples of longs plus a NULL mask, in a linear-probing table. */
    private static final class IntegerKeys extends KeyDictionary {
        private final int[] columns;
        private final int width;
        private final long[] probe;
        private long[] stored = new long[64];
        private int[] slots = new int[64];

        IntegerKeys(int[] columns) {
            this.columns = columns;
            this.width = columns.length + 1;
            this.probe = new long[width];
        }

        @Override
        int code(ResultSet rs) throws SQLException {
            long nulls = 0;
            long h = 0;
            for (int j = 0; j < columns.length; j++) {
                long v = rs.getLong(columns[j]);
                if (rs.wasNull()) {
                    nulls |= 1L << (j & 63);
                    v = 0;
                }
                probe[j] = v;
                h = (h + v) * 0x9E3779B97F4A7C15L;
            }
            probe[columns.length] = nulls;
            h = (h ^ nulls) * 0x9E3779B97F4A7C15L;
            int mask = slots.length - 1;
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (true) {
                int entry = slots[slot];
                if (entry == 0) {
                    return insert(rs, slot);
                }
                if (matches(entry - 1)) {
                    return entry - 1;
                }
                slot = (slot + 1) & mask;
            }
        }

        private boolean matches(int code) {
            int base = code * width;
            for (int j = 0; j < width; j++) {
                if (stored[base + j] != probe[j]) {
                    return false;
                }
            }
            return true;
        }

        private int insert(ResultSet rs, int slot) throws SQLException {
            int code = add(readObjects(rs, columns));
            if ((code + 1) * width > stored.length) {
                stored = Arrays.copyOf(stored, Math.max(stored.length * 2, (code + 1) * width));
            }
            System.arraycopy(probe, 0, stored, code * width, width);
            slots[slot] = code + 1;
            if ((code + 1) * 2 > slots.length) {
                rehash();
            }
            return code;
        }

        private void rehash() {
            int[] bigger = new int[slots.length * 2];
            int mask = bigger.length - 1;
            int count = keys().size();
            for (int code = 0; code < count; code++) {
                long h = 0;
                int base = code * width;
                for (int j = 0; j < columns.length; j++) {
                    h = (h + stored[base + j]) * 0x9E3779B97F4A7C15L;
                }
                h = (h ^ stored[base + columns.length]) * 0x9E3779B97F4A7C15L;
                int slot = (int) (h ^ (h >>> 32)) & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = code + 1;
            }
            slots = bigger;
        }
    }

    /** Any other key types: a hash map of tuples, probed with one reused tuple. */
    private static final class ObjectKeys extends KeyDictionary {
        private final int[] columns;
        private final Tuple probe;
        private final Map<Tuple, Integer> codes = new HashMap<>();

        ObjectKeys(int[] columns) {
            this.columns = columns;
            this.probe = new Tuple(new Object[columns.length]);
        }

        @Override
        int code(ResultSet rs) throws SQLException {
            Object[] values = probe.values;
            for (int j = 0; j < columns.length; j++) {
                values[j] = rs.getObject(columns[j]);
            }
            probe.rehash();
            Integer code = codes.get(probe);
            if (code != null) {
                return code;
            }
            Tuple key = new Tuple(values.clone());
            key.rehash();
            int added = add(key.values);
            codes.put(key, added);
            return added;
        }
    }

    /** A key tuple with a cached hash; arrays (VARBINARY keys) compare by content. */
    private static final class Tuple {
        final Object[] values;
        int hash;

        Tuple(Object[] values) {
            this.values = values;
        }

        void rehash() {
            hash = Arrays.deepHashCode(values);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tuple && ((Tuple) o).hash == hash && Arrays.deepEquals(values, ((Tuple) o).values);
        }
    }
}
