package org.forecastsql.engine.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Shared helpers for writing and reading fitted-model state.
 *
 * <p>A double array is stored as its length ({@link DataOutput#writeInt}) followed by that many
 * values ({@link DataOutput#writeDouble}). This byte layout is part of every family's stored state
 * format and must not change, or models already saved become unreadable.
 */
public final class StateIO {
    /** Largest array length a reader accepts; anything larger is taken as corrupt state. */
    static final int MAX_LENGTH = 100_000_000;

    private StateIO() {
    }

    /** Writes {@code v} as an int length followed by its values. */
    public static void writeDoubles(DataOutput out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double d : v) {
            out.writeDouble(d);
        }
    }

    /**
     * Reads an array written by {@link #writeDoubles}.
     *
     * @param what names the array (for example {@code "ARIMA state"}) in the error message
     * @throws IOException if the stored length is negative or absurdly large, or on a read failure
     */
    public static double[] readDoubles(DataInput in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_LENGTH) {
            throw new IOException("corrupt model state: " + what + " array length " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    /** Writes {@code v} as an int length followed by its values. */
    public static void writeLongs(DataOutput out, long[] v) throws IOException {
        out.writeInt(v.length);
        for (long d : v) {
            out.writeLong(d);
        }
    }

    /** Reads an array written by {@link #writeLongs}; {@code what} names it in the error message. */
    public static long[] readLongs(DataInput in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_LENGTH) {
            throw new IOException("corrupt model state: " + what + " array length " + n);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readLong();
        }
        return v;
    }

    /** Writes a state's body. */
    public interface Body {
        void write(DataOutput out) throws IOException;
    }

    /** A state read back: its input positioned after the header, and its format version. */
    public record Opened(java.io.DataInputStream in, int version) {
    }

    /** A self-describing state: {@code magic}, {@code version}, then the body. */
    public static byte[] envelope(int magic, int version, Body body) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(version);
            body.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Opens {@link #envelope} output.
     *
     * @param what names the state in errors, e.g. {@code "neural model"}
     * @throws IOException for foreign bytes (another magic) or a format newer than {@code maxVersion}
     */
    public static Opened open(byte[] bytes, int magic, int maxVersion, String what) throws IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
        if (bytes.length < 8 || in.readInt() != magic) {
            throw new IOException("not a " + what + " state (bad magic number)");
        }
        int version = in.readInt();
        if (version > maxVersion) {
            throw new IOException(what + " state has format version " + version + "; this driver reads up to "
                    + maxVersion + ": upgrade the driver");
        }
        return new Opened(in, version);
    }
}
