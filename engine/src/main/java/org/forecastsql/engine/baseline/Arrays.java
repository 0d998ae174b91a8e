package org.forecastsql.engine.baseline;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Length-prefixed double arrays for model state. */
final class Arrays {
    private Arrays() {
    }

    static void write(DataOutput out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double d : v) {
            out.writeDouble(d);
        }
    }

    static double[] read(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000_000) {
            throw new IOException("corrupt model state: array length " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }
}
