package io.mlformats.cli;

import io.mlformats.core.text.NumberFormatter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small JSON writer into a reusable byte buffer, for {@code cat} and {@code inspect --json}. Numbers are
 * written in the shortest form that reads back to the same bits ({@link NumberFormatter}); NaN and infinities as
 * the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (so every line is valid JSON). Commas are
 * managed by the writer. Not thread-safe.
 */
public final class JsonOut {
    private final OutputStream out;
    private byte[] buf = new byte[1 << 16];
    private int len;
    private final boolean[] first = new boolean[64];
    private int depth;

    public JsonOut(OutputStream out) {
        this.out = out;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private void raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void comma() {
        if (depth > 0) {
            if (!first[depth]) {
                raw(',');
                raw(' ');
            }
            first[depth] = false;
        }
    }

    public JsonOut beginObject() {
        valueStart();
        raw('{');
        first[++depth] = true;
        return this;
    }

    public JsonOut endObject() {
        depth--;
        raw('}');
        return this;
    }

    public JsonOut beginArray() {
        valueStart();
        raw('[');
        first[++depth] = true;
        return this;
    }

    public JsonOut endArray() {
        depth--;
        raw(']');
        return this;
    }

    /** Writes {@code "name": } in an object; the value written next follows it. */
    public JsonOut name(String name) {
        comma();
        quoted(name);
        raw(':');
        raw(' ');
        pendingValue = true;
        return this;
    }

    private boolean pendingValue;

    private void valueStart() {
        if (pendingValue) {
            pendingValue = false;
        } else {
            comma();
        }
    }

    public JsonOut value(String s) {
        valueStart();
        if (s == null) {
            rawAscii("null");
        } else {
            quoted(s);
        }
        return this;
    }

    public JsonOut value(long v) {
        valueStart();
        ensure(NumberFormatter.MAX_LONG_BYTES);
        len = NumberFormatter.writeLong(v, buf, len);
        return this;
    }

    public JsonOut value(boolean v) {
        valueStart();
        rawAscii(v ? "true" : "false");
        return this;
    }

    public JsonOut value(double v) {
        valueStart();
        if (!Double.isFinite(v)) {
            quoted(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
            return this;
        }
        ensure(NumberFormatter.MAX_DOUBLE_BYTES);
        len = NumberFormatter.writeDouble(v, buf, len);
        return this;
    }

    public JsonOut value(float v) {
        valueStart();
        if (!Float.isFinite(v)) {
            quoted(Float.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
            return this;
        }
        ensure(NumberFormatter.MAX_FLOAT_BYTES);
        len = NumberFormatter.writeFloat(v, buf, len);
        return this;
    }

    private void rawAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void quoted(String s) {
        raw('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> rawAscii("\\\"");
                case '\\' -> rawAscii("\\\\");
                case '\n' -> rawAscii("\\n");
                case '\r' -> rawAscii("\\r");
                case '\t' -> rawAscii("\\t");
                default -> {
                    if (c < 0x20) {
                        rawAscii(String.format("\\u%04x", (int) c));
                    } else if (c < 0x80) {
                        raw(c);
                    } else {
                        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                            b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                            i++;
                        }
                        ensure(b.length);
                        System.arraycopy(b, 0, buf, len, b.length);
                        len += b.length;
                    }
                }
            }
        }
        raw('"');
    }

    /** Ends a JSON Lines record and writes it out when the buffer is large. */
    public void endLine() throws IOException {
        raw('\n');
        depth = 0;
        pendingValue = false;
        if (len > (1 << 15)) {
            flush();
        }
    }

    public void flush() throws IOException {
        out.write(buf, 0, len);
        len = 0;
        out.flush();
    }
}
