package org.forecastsql.sql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.StringJoiner;

/**
 * A series' key tuple to bytes and back, keeping each value's Java type (String, Integer, Long,
 * BigDecimal, Double, Boolean, java.sql.Date/Timestamp as epoch values), and the key's display
 * text used for matching actuals whose JDBC types may differ (INT vs BIGINT).
 */
final class KeyCodec {
    private KeyCodec() {
    }

    static byte[] encode(Object[] key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(key.length);
            for (Object v : key) {
                if (v == null) {
                    out.writeByte('N');
                } else if (v instanceof String s) {
                    out.writeByte('S');
                    out.writeUTF(s);
                } else if (v instanceof Integer i) {
                    out.writeByte('I');
                    out.writeInt(i);
                } else if (v instanceof Long l) {
                    out.writeByte('L');
                    out.writeLong(l);
                } else if (v instanceof Short s) {
                    out.writeByte('I');
                    out.writeInt(s);
                } else if (v instanceof Byte b) {
                    out.writeByte('I');
                    out.writeInt(b);
                } else if (v instanceof BigDecimal d) {
                    out.writeByte('B');
                    byte[] u = d.unscaledValue().toByteArray();
                    out.writeInt(d.scale());
                    out.writeInt(u.length);
                    out.write(u);
                } else if (v instanceof Double d) {
                    out.writeByte('D');
                    out.writeDouble(d);
                } else if (v instanceof Float f) {
                    out.writeByte('D');
                    out.writeDouble(f);
                } else if (v instanceof Boolean b) {
                    out.writeByte('Z');
                    out.writeBoolean(b);
                } else if (v instanceof java.sql.Date d) {
                    out.writeByte('d');
                    out.writeLong(d.toLocalDate().toEpochDay());
                } else if (v instanceof java.sql.Timestamp t) {
                    out.writeByte('t');
                    out.writeLong(t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC).toEpochMilli());
                } else {
                    out.writeByte('S');
                    out.writeUTF(v.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Object[] decode(DataInputStream in) throws IOException {
        Object[] key = new Object[in.readInt()];
        for (int i = 0; i < key.length; i++) {
            int tag = in.readByte();
            key[i] = switch (tag) {
                case 'N' -> null;
                case 'S' -> in.readUTF();
                case 'I' -> in.readInt();
                case 'L' -> in.readLong();
                case 'B' -> {
                    int scale = in.readInt();
                    byte[] u = new byte[in.readInt()];
                    in.readFully(u);
                    yield new BigDecimal(new BigInteger(u), scale);
                }
                case 'D' -> in.readDouble();
                case 'Z' -> in.readBoolean();
                case 'd' -> java.sql.Date.valueOf(java.time.LocalDate.ofEpochDay(in.readLong()));
                case 't' -> java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofEpochSecond(0, 0, java.time.ZoneOffset.UTC)
                        .plusNanos(in.readLong() * 1_000_000L));
                default -> throw new IOException("corrupt series key (tag " + tag + ")");
            };
        }
        return key;
    }

    static Object[] decode(byte[] bytes) {
        try {
            return decode(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new FunctionException(ErrorCode.CATALOG_FAILURE, "corrupt series key: " + e.getMessage(), e);
        }
    }

    /** Display text, also the matching key: values joined by '|', numbers without trailing zeros. */
    static String text(Object[] key) {
        StringJoiner j = new StringJoiner("|");
        for (Object v : key) {
            if (v instanceof BigDecimal d) {
                j.add(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
            } else {
                j.add(String.valueOf(v));
            }
        }
        return j.toString();
    }
}
