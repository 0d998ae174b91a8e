package org.forecastsql.sql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import org.forecastsql.engine.train.SeriesState;

/**
 * The catalogue's per-series state bytes: the series key (typed, {@link KeyCodec}) followed by the
 * engine's {@link SeriesState}.
 */
record StoredSeries(Object[] key, SeriesState state) {

    byte[] encode() {
        byte[] k = KeyCodec.encode(key);
        byte[] s = state.encode();
        ByteArrayOutputStream out = new ByteArrayOutputStream(k.length + s.length);
        out.writeBytes(k);
        out.writeBytes(s);
        return out.toByteArray();
    }

    static StoredSeries decode(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            Object[] key = KeyCodec.decode(in);
            return new StoredSeries(key, SeriesState.decode(in.readAllBytes()));
        } catch (IOException e) {
            throw new FunctionException(ErrorCode.CATALOG_FAILURE, "cannot read a stored series: " + e.getMessage(), e);
        }
    }
}
