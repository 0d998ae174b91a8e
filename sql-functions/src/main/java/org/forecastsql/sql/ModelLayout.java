package org.forecastsql.sql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.forecastsql.storage.ColumnInfo;
import org.forecastsql.storage.TimeEncoding;

/**
 * What a stored model needs to give its output rows the training input's shape: key and time
 * columns with their SQL types, the target and covariate names, the frequency, the default
 * horizon and the interval levels; where it was trained (the compute backend). Stored as the
 * catalogue's opaque layout bytes. Format 1 had no shared state, 2 no backend, 3 no past-only
 * covariates; formats 2 to 4 held the state shared by all series of the version (the global
 * models) inline, format 5 leaves it to the catalogue ({@link LoadedModel#shared}), so that
 * listing versions never reads it.
 *
 * @param covariates     every covariate, those known in the future first
 * @param pastCovariates the covariates known only up to the forecast origin (the last ones of {@code covariates})
 * @param shared         the shared state of a version stored in format 2 to 4; empty in format 5
 */
record ModelLayout(List<ColumnInfo> keys, ColumnInfo time, TimeEncoding timeEncoding, String target,
                   List<String> covariates, List<String> pastCovariates, String frequency, int horizon,
                   double[] levels, String backend, byte[] shared) {
    private static final int FORMAT = 5;

    /** The covariates whose future values FORECAST needs (and EVALUATE reads from the actuals). */
    List<String> knownCovariates() {
        return covariates.subList(0, covariates.size() - pastCovariates.size());
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(keys.size());
            for (ColumnInfo c : keys) {
                writeColumn(out, c);
            }
            writeColumn(out, time);
            out.writeUTF(timeEncoding.name());
            out.writeUTF(target);
            out.writeInt(covariates.size());
            for (String c : covariates) {
                out.writeUTF(c);
            }
            out.writeUTF(frequency);
            out.writeInt(horizon);
            out.writeInt(levels.length);
            for (double l : levels) {
                out.writeDouble(l);
            }
            out.writeUTF(backend);
            out.writeInt(pastCovariates.size());
            for (String c : pastCovariates) {
                out.writeUTF(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ModelLayout decode(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            int format = in.readInt();
            if (format < 1 || format > FORMAT) {
                throw new FunctionException(ErrorCode.CATALOG_FAILURE, "model layout format " + format
                        + " is not supported by this driver (reads " + FORMAT + "): upgrade the driver");
            }
            int nk = in.readInt();
            List<ColumnInfo> keys = new ArrayList<>();
            for (int i = 0; i < nk; i++) {
                keys.add(readColumn(in));
            }
            ColumnInfo time = readColumn(in);
            TimeEncoding enc = TimeEncoding.valueOf(in.readUTF());
            String target = in.readUTF();
            int nc = in.readInt();
            List<String> cov = new ArrayList<>();
            for (int i = 0; i < nc; i++) {
                cov.add(in.readUTF());
            }
            String freq = in.readUTF();
            int horizon = in.readInt();
            double[] levels = new double[in.readInt()];
            for (int i = 0; i < levels.length; i++) {
                levels[i] = in.readDouble();
            }
            String backend = format >= 3 ? in.readUTF() : ForecastInfoTable.BACKEND;
            List<String> past = new ArrayList<>();
            if (format >= 4) {
                int np = in.readInt();
                for (int i = 0; i < np; i++) {
                    past.add(in.readUTF());
                }
            }
            byte[] shared = new byte[0];
            if (format >= 2 && format <= 4) {
                shared = new byte[in.readInt()];
                in.readFully(shared);
            }
            return new ModelLayout(keys, time, enc, target, cov, past, freq, horizon, levels, backend, shared);
        } catch (IOException e) {
            throw new FunctionException(ErrorCode.CATALOG_FAILURE, "corrupt model layout: " + e.getMessage(), e);
        }
    }

    org.forecastsql.engine.series.TimeEncoding engineEncoding() {
        return org.forecastsql.engine.series.TimeEncoding.valueOf(timeEncoding.name());
    }

    org.forecastsql.engine.series.Frequency engineFrequency() {
        return org.forecastsql.engine.series.Frequency.parse(frequency, engineEncoding());
    }

    private static void writeColumn(DataOutputStream out, ColumnInfo c) throws IOException {
        out.writeUTF(c.name());
        out.writeInt(c.jdbcType());
        out.writeUTF(c.typeName() == null ? "" : c.typeName());
        out.writeInt(c.precision());
        out.writeInt(c.scale());
    }

    private static ColumnInfo readColumn(DataInputStream in) throws IOException {
        return new ColumnInfo(in.readUTF(), in.readInt(), in.readUTF(), in.readInt(), in.readInt());
    }
}
