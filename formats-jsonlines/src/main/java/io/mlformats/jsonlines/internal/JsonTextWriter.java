package io.mlformats.jsonlines.internal;

import io.mlformats.core.text.NumberFormatter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes JSON text into a growable byte buffer that drains into an {@link OutputStream}: strings escaped and
 * UTF-8 encoded, numbers in the shortest text that reads back to the same bits ({@link NumberFormatter}).
 * Used by this module's record writers and by the {@code mlformats} command's {@code cat} and
 * {@code inspect --json}.
 *
 * <p>Two layers, which may be mixed at record level but not inside one container:
 * <ul>
 *   <li>structured: {@link #beginObject()}, {@link #key(String)}, {@link #value(double)} ..., {@link #endObject()};
 *       the writer inserts {@code ", "} separators itself, and non-finite numbers become the strings
 *       {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} so every line stays valid JSON;</li>
 *   <li>raw: {@link #raw(String)}, {@link #name(String)}, {@link #number(double)}, {@link #floatArray} ...; the
 *       caller writes separators (fastest, used by the format writers).</li>
 * </ul>
 * A record is formatted whole into the buffer ({@link #beginRecord()} .. {@link #endLine()}), so a record a
 * writer refuses half-way is dropped with {@link #rollback()} and never reaches the stream. The buffer is owned
 * by this object. Not thread-safe.
 */
public final class JsonTextWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int DRAIN_AT = 1 << 16;

    private final OutputStream out;
    private byte[] buf = new byte[1 << 17];
    private int pos;
    private int recordStart;
    private boolean[] first = new boolean[16];
    private int depth;
    private boolean afterKey;

    /** A writer draining into {@code out} (not closed by this object; {@link #flush()} flushes it). */
    public JsonTextWriter(OutputStream out) {
        this.out = out;
    }

    // ---------------------------------------------------------------- structured layer

    /** Starts an object (as a value: after a key, in an array, or at top level). */
    public JsonTextWriter beginObject() {
        valueStart();
        raw('{');
        push();
        return this;
    }

    /** Ends the current object. */
    public JsonTextWriter endObject() {
        depth--;
        return raw('}');
    }

    /** Starts an array (as a value). */
    public JsonTextWriter beginArray() {
        valueStart();
        raw('[');
        push();
        return this;
    }

    /** Ends the current array. */
    public JsonTextWriter endArray() {
        depth--;
        return raw(']');
    }

    /** Writes an object member's name, {@code "name": }, with the separator before it; its value follows. */
    public JsonTextWriter key(String name) {
        separator();
        name(name);
        afterKey = true;
        return this;
    }

    /** A string value, or {@code null}. */
    public JsonTextWriter value(String s) {
        valueStart();
        return s == null ? raw("null") : string(s);
    }

    /** An integer value. */
    public JsonTextWriter value(long v) {
        valueStart();
        return number(v);
    }

    /** A boolean value. */
    public JsonTextWriter value(boolean v) {
        valueStart();
        return raw(v ? "true" : "false");
    }

    /** A float64 value in its shortest form; NaN and infinities as the strings "NaN", "Infinity", "-Infinity". */
    public JsonTextWriter value(double v) {
        valueStart();
        return Double.isFinite(v) ? number(v) : nonFinite(Double.isNaN(v), v > 0);
    }

    /** A float32 value in its shortest float32 form ({@code 0.1f} prints {@code 0.1}); non-finite as strings. */
    public JsonTextWriter value(float v) {
        valueStart();
        return Float.isFinite(v) ? number(v) : nonFinite(Float.isNaN(v), v > 0);
    }

    /** A value given as JSON text (for example a raw attribute kept by a reader), written verbatim. */
    public JsonTextWriter rawValue(String json) {
        valueStart();
        return rawUtf8(json);
    }

    private JsonTextWriter nonFinite(boolean nan, boolean positive) {
        return raw(nan ? "\"NaN\"" : positive ? "\"Infinity\"" : "\"-Infinity\"");
    }

    private void push() {
        if (++depth == first.length) {
            first = Arrays.copyOf(first, depth * 2);
        }
        first[depth] = true;
    }

    private void valueStart() {
        if (afterKey) {
            afterKey = false;
        } else {
            separator();
        }
    }

    private void separator() {
        if (depth > 0) {
            if (!first[depth]) {
                raw(", ");
            }
            first[depth] = false;
        }
    }

    // ---------------------------------------------------------------- records and buffer

    /** Marks the start of a record: {@link #rollback()} returns here. */
    public void beginRecord() {
        recordStart = pos;
    }

    /** Drops everything written since {@link #beginRecord()}. */
    public void rollback() {
        pos = recordStart;
        depth = 0;
        afterKey = false;
    }

    /** Ends a record with {@code \n} and drains the buffer if it is large. */
    public void endLine() throws IOException {
        depth = 0;
        afterKey = false;
        raw('\n');
        if (pos >= DRAIN_AT) {
            drain();
        }
    }

    /** Writes the finished records in the buffer to the stream (without flushing it). */
    public void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
        recordStart = 0;
    }

    /** Writes the buffer to the stream and flushes the stream. */
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** The buffer (owned by this writer; valid until the next write). */
    public byte[] buffer() {
        return buf;
    }

    /** Number of bytes in the buffer. */
    public int size() {
        return pos;
    }

    /** Makes room for {@code n} more bytes. */
    public void ensure(int n) {
        if (buf.length - pos < n) {
            long want = Math.max((long) buf.length * 2, (long) pos + n);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("record larger than 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) want);
        }
    }

    /** Appends an ASCII character as is. */
    public JsonTextWriter raw(char c) {
        ensure(1);
        buf[pos++] = (byte) c;
        return this;
    }

    /** Writes ASCII text verbatim. */
    public JsonTextWriter raw(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            buf[pos++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** Writes text (for example raw JSON) as UTF-8, verbatim. */
    public JsonTextWriter rawUtf8(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return raw(b, 0, b.length);
    }

    /** Appends {@code b[off, off+len)} as is (the caller guarantees valid UTF-8 JSON text). */
    public JsonTextWriter raw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    // ---------------------------------------------------------------- raw layer

    /** Writes {@code "name": } (no separator before it; see {@link #key(String)}). */
    public JsonTextWriter name(String name) {
        string(name);
        ensure(2);
        buf[pos++] = ':';
        buf[pos++] = ' ';
        return this;
    }

    /** Writes a JSON string: UTF-8, with quotes, backslashes, control characters and lone surrogates escaped. */
    public JsonTextWriter string(CharSequence s) {
        int n = s.length();
        ensure(n * 6 + 2);
        byte[] b = buf;
        int p = pos;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c < 0x20 || c == '"' || c == '\\') {
                    p = escape(c, b, p);
                } else {
                    b[p++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                p = unicodeEscape(c, b, p); // a lone surrogate has no UTF-8 form; JSON can still carry it
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[p++] = '"';
        pos = p;
        return this;
    }

    private static int escape(char c, byte[] b, int p) {
        b[p++] = '\\';
        switch (c) {
            case '"' -> b[p++] = '"';
            case '\\' -> b[p++] = '\\';
            case '\n' -> b[p++] = 'n';
            case '\r' -> b[p++] = 'r';
            case '\t' -> b[p++] = 't';
            case '\b' -> b[p++] = 'b';
            case '\f' -> b[p++] = 'f';
            default -> {
                return unicodeEscape(c, b, p - 1);
            }
        }
        return p;
    }

    private static int unicodeEscape(char c, byte[] b, int p) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[(c >> 12) & 0xF];
        b[p++] = HEX[(c >> 8) & 0xF];
        b[p++] = HEX[(c >> 4) & 0xF];
        b[p++] = HEX[c & 0xF];
        return p;
    }

    /** A finite float in the shortest round-trip form; NaN as the string {@code "NaN"} (a DeepAR missing value). */
    public JsonTextWriter floatOrNaN(float v) {
        ensure(NumberFormatter.MAX_FLOAT_BYTES + 2);
        if (v != v) {
            raw("\"NaN\"");
        } else {
            pos = NumberFormatter.writeFloat(v, buf, pos);
        }
        return this;
    }

    /** A finite float; NaN/Infinity are the caller's to reject. */
    public JsonTextWriter number(float v) {
        ensure(NumberFormatter.MAX_FLOAT_BYTES);
        pos = NumberFormatter.writeFloat(v, buf, pos);
        return this;
    }

    /** Appends a finite double in the shortest text that reads back to the same bits. */
    public JsonTextWriter number(double v) {
        ensure(NumberFormatter.MAX_DOUBLE_BYTES);
        pos = NumberFormatter.writeDouble(v, buf, pos);
        return this;
    }

    /** Appends an integer. */
    public JsonTextWriter number(long v) {
        ensure(NumberFormatter.MAX_LONG_BYTES);
        pos = NumberFormatter.writeLong(v, buf, pos);
        return this;
    }

    /** {@code [v0, v1, ...]} of the first {@code n} ints. */
    public JsonTextWriter intArray(int[] v, int n) {
        ensure(2 + n * (NumberFormatter.MAX_LONG_BYTES + 2));
        buf[pos++] = '[';
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                buf[pos++] = ',';
                buf[pos++] = ' ';
            }
            pos = NumberFormatter.writeLong(v[i], buf, pos);
        }
        buf[pos++] = ']';
        return this;
    }

    /** {@code [v0, v1, ...]} of the first {@code n} floats, NaN as {@code "NaN"}. */
    public JsonTextWriter floatArray(float[] v, int n) {
        ensure(2 + n * (NumberFormatter.MAX_FLOAT_BYTES + 4));
        byte[] b = buf;
        int p = pos;
        b[p++] = '[';
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b[p++] = ',';
                b[p++] = ' ';
            }
            float f = v[i];
            if (f != f) {
                b[p++] = '"';
                b[p++] = 'N';
                b[p++] = 'a';
                b[p++] = 'N';
                b[p++] = '"';
            } else {
                p = NumberFormatter.writeFloat(f, b, p);
            }
        }
        b[p++] = ']';
        pos = p;
        return this;
    }

    /** {@code [v0, v1, ...]}, refusing non-finite values: {@code what + " must be finite: " + v}. */
    public JsonTextWriter finiteDoubleArray(double[] v, String what) {
        raw('[');
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " must be finite: " + v[i]);
            }
            raw(i > 0 ? ", " : "").number(v[i]);
        }
        return raw(']');
    }

    /** {@code [v0, v1, ...]}: numbers as {@link #number(double)} writes them. */
    public JsonTextWriter doubleArray(double[] v) {
        raw('[');
        for (int i = 0; i < v.length; i++) {
            raw(i > 0 ? ", " : "").number(v[i]);
        }
        return raw(']');
    }

    /** {@code ["s0", "s1", ...]}, escaped. */
    public JsonTextWriter stringArray(java.util.List<String> v) {
        raw('[');
        for (int i = 0; i < v.size(); i++) {
            raw(i > 0 ? ", " : "").string(v.get(i));
        }
        return raw(']');
    }
}
