package org.forecastsql.engine.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Fitted models to versioned bytes and back.
 *
 * <p>Layout: magic {@code 0x46534D31} ("FSM1"), the family's method name, the family's state
 * format version, then the family's own state. A reader rejects an unknown method or a state
 * version newer than it understands, so an old driver never misreads a newer model.
 */
public final class ModelCodec {
    private static final int MAGIC = 0x46534D31;

    private ModelCodec() {
    }

    public static byte[] encode(FittedModel model) {
        ModelFamily family = ModelFamilies.byMethod(model.method());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(model.method());
            out.writeInt(family.formatVersion());
            model.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static FittedModel decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a ForecastSQL model state (bad magic number)");
        }
        String method = in.readUTF();
        ModelFamily family = ModelFamilies.byMethod(method);
        int version = in.readInt();
        if (version > family.formatVersion()) {
            throw new IOException("model state of '" + method + "' has format version " + version
                    + "; this driver reads up to " + family.formatVersion() + ": upgrade the driver");
        }
        return family.read(in, version);
    }
}
