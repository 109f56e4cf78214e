package io.mlformats.parquet.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.apache.parquet.io.api.Binary;

/**
 * DeepAR {@code start} values as text without allocating per row: timestamps rendered
 * {@code YYYY-MM-DD HH:MM:SS} by arithmetic, UTF-8 strings decoded into a reused {@link StringBuilder}. One
 * instance per reader; not thread-safe.
 */
public final class StartText extends OutputStream {
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private byte[] bytes = new byte[64];
    private int n;

    /** A decoder with its own reused byte buffer. */
    public StartText() {
    }

    /** Replaces the contents of {@code out} with {@code value} decoded as UTF-8. */
    public void decode(Binary value, StringBuilder out) {
        n = 0;
        try {
            value.writeTo(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: writing to memory", e);
        }
        out.setLength(0);
        for (int i = 0; i < n; i++) {
            byte b = bytes[i];
            if (b < 0) {
                out.setLength(0);
                out.append(new String(bytes, 0, n, StandardCharsets.UTF_8));
                return;
            }
            out.append((char) b);
        }
    }

    /** Receives the bytes of a {@link Binary} ({@link Binary#writeTo}). */
    @Override
    public void write(int b) {
        ensure(1);
        bytes[n++] = (byte) b;
    }

    /** Receives the bytes of a {@link Binary} ({@link Binary#writeTo}). */
    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, n, len);
        n += len;
    }

    private void ensure(int more) {
        if (n + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, n + more));
        }
    }

    /**
     * Replaces the contents of {@code out} with {@code epochSecond} (UTC, no zone) as {@code YYYY-MM-DD HH:MM:SS}.
     * Years 0..9999 are written by arithmetic; others through {@link DateTimeFormatter} (allocating).
     */
    public static void appendDateTime(StringBuilder out, long epochSecond) {
        out.setLength(0);
        long days = Math.floorDiv(epochSecond, 86_400L);
        long secs = Math.floorMod(epochSecond, 86_400L);
        // Civil date from days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            out.append(LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).format(START));
            return;
        }
        digits(out, year, 4);
        out.append('-');
        digits(out, month, 2);
        out.append('-');
        digits(out, day, 2);
        out.append(' ');
        digits(out, secs / 3600, 2);
        out.append(':');
        digits(out, secs / 60 % 60, 2);
        out.append(':');
        digits(out, secs % 60, 2);
    }

    private static void digits(StringBuilder out, long v, int width) {
        long div = 1;
        for (int i = 1; i < width; i++) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            out.append((char) ('0' + v / div % 10));
        }
    }
}
