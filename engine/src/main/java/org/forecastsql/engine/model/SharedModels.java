package org.forecastsql.engine.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The global models of one model version, stored once beside the per-series states: magic
 * "FSGM", a count, then per model its method name and {@link GlobalModel#toBytes() bytes}.
 * Versions written before this format hold the global regression's bytes alone (magic "FSGR"),
 * and still read.
 */
public final class SharedModels {
    private static final int MAGIC = 0x4653474D; // "FSGM"
    private static final int REGRESSION_MAGIC = 0x46534752; // "FSGR": a lone regression state

    private SharedModels() {
    }

    /** The bytes of the models, by method; empty for none. */
    public static byte[] encode(Map<String, GlobalModel> models) {
        if (models.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(models.size());
            for (Map.Entry<String, GlobalModel> e : models.entrySet()) {
                byte[] b = e.getValue().toBytes();
                out.writeUTF(e.getKey());
                out.writeInt(b.length);
                out.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #encode} output (or a lone regression state); empty bytes give no models. */
    public static Map<String, GlobalModel> decode(byte[] bytes) throws IOException {
        Map<String, GlobalModel> out = new LinkedHashMap<>();
        if (bytes.length == 0) {
            return out;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int magic = in.readInt();
        if (magic == REGRESSION_MAGIC) {
            out.put("regression", global("regression").readGlobal(bytes));
            return out;
        }
        if (magic != MAGIC) {
            throw new IOException("not a shared model state (bad magic number)");
        }
        int count = in.readInt();
        if (count < 0 || count > 64) {
            throw new IOException("corrupt shared model state: " + count + " models");
        }
        for (int i = 0; i < count; i++) {
            String method = in.readUTF();
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            out.put(method, global(method).readGlobal(b));
        }
        return out;
    }

    private static GlobalFamily global(String method) throws IOException {
        if (!ModelFamilies.exists(method) || !(ModelFamilies.byMethod(method) instanceof GlobalFamily g)) {
            throw new IOException("the shared state holds a '" + method + "' model that this driver does not know: upgrade the driver");
        }
        return g;
    }
}
