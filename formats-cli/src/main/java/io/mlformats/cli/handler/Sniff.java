package io.mlformats.cli.handler;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Format-neutral facts about the start of a file, which handlers {@link FormatHandler#recognise recognise}
 * their format from (never the file name): the first 4 raw bytes (Parquet is never gzipped), the first
 * {@value #HEAD} bytes after gunzip, whether those bytes are text (UTF-8 without NULs or control bytes other than
 * whitespace), and, for text, a lexical pass over its first data lines that stops at the first line starting with
 * an opening brace or the first decisive token ({@code __label__...}, {@code idx:val}, {@code qid:}). A line longer
 * than the head (a CSV row of many thousand columns) is judged on the part the head holds: every decisive pattern
 * is a prefix pattern (a comma, a leading brace, a token starting {@code idx:}), so what its start shows holds
 * for the whole line. Immutable.
 */
public final class Sniff {
    /** Bytes of decompressed head examined. */
    public static final int HEAD = 1 << 20;
    private static final int MAX_LINES = 64;

    private final byte[] raw;
    private final byte[] head;
    private final long notText;
    private String jsonLine;
    private String token;
    private boolean commas;
    private int examined;

    private Sniff(byte[] raw, byte[] head) {
        this.raw = raw;
        this.head = head;
        this.notText = firstNonText(head);
        if (notText < 0) {
            scanLines();
        }
    }

    /** Reads the head of {@code file} (the decompressed part only if the raw bytes are not Parquet's magic). */
    public static Sniff of(Path file) throws IOException {
        byte[] raw;
        try (InputStream in = Files.newInputStream(file)) {
            raw = in.readNBytes(4);
        }
        if (raw.length == 4 && raw[0] == 'P' && raw[1] == 'A' && raw[2] == 'R' && raw[3] == '1') {
            return new Sniff(raw, new byte[0]);
        }
        byte[] buf = new byte[HEAD];
        int n = 0;
        try (ByteInput in = ByteSources.open(file, ReadLimits.defaults())) {
            InputStream s = ByteSources.asInputStream(in);
            for (int r; n < HEAD && (r = s.read(buf, n, HEAD - n)) > 0; ) {
                n += r;
            }
        } catch (FormatException e) {
            if (n == 0) {
                throw e;
            }
            // Damage after the start (a gzip stream cut short): detect from what came before it; the reader
            // reports the damage at its offset, in the command's own terms (inspect lists it as a problem).
        }
        return new Sniff(raw, java.util.Arrays.copyOf(buf, n));
    }

    /** Facts about an in-memory head (already decompressed); the raw bytes are its first 4. */
    public static Sniff of(byte[] head) {
        return new Sniff(java.util.Arrays.copyOf(head, Math.min(4, head.length)), head);
    }

    /** True if the raw (not decompressed) file starts with these ASCII bytes. */
    public boolean rawStartsWith(String magic) {
        if (raw.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (raw[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The decompressed head (a copy is not made: do not modify). */
    byte[] head() {
        return head;
    }

    /** Length of the decompressed head. */
    public int length() {
        return head.length;
    }

    /** Little-endian 32-bit integer at {@code off} of the decompressed head. */
    public int intLE(int off) {
        return (head[off] & 0xff) | (head[off + 1] & 0xff) << 8 | (head[off + 2] & 0xff) << 16
                | (head[off + 3] & 0xff) << 24;
    }

    /** Unsigned byte at {@code off} of the decompressed head. */
    public int byteAt(int off) {
        return head[off] & 0xff;
    }

    /** The first data line, stripped, if it (or an earlier-deciding line) starts with an opening brace; else null. */
    public String jsonLine() {
        return jsonLine;
    }

    /** The first decisive text token ({@code __label__x}, {@code idx:val}, {@code qid:n}), or null. */
    public String token() {
        return token;
    }

    /** True if a line examined before anything decided holds a comma. */
    public boolean commas() {
        return commas;
    }

    /**
     * True if the head is text: valid UTF-8 (a sequence cut by the end of the head aside) with no NUL and no
     * control byte other than tab, line feed, vertical tab, form feed and carriage return. The text formats are
     * recognised only in text, so random or binary bytes are never taken for CSV.
     */
    public boolean text() {
        return notText < 0;
    }

    /** Offset in the head of the first byte that makes it not {@link #text()}, or -1 if it is text. */
    public long notTextOffset() {
        return notText;
    }

    /** Data lines (not empty, not {@code #} comments) examined. */
    public int examined() {
        return examined;
    }

    private void scanLines() {
        int pos = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            pos = 3;
        }
        while (pos < head.length && examined < MAX_LINES) {
            int end = pos;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            boolean cut = end == head.length && head.length == HEAD;
            if (cut && examined > 0) {
                return; // a partial last line after whole ones, which had the first say and said nothing
            }
            String line = new String(head, pos, end - pos, StandardCharsets.UTF_8).strip();
            pos = end + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            examined++;
            if (line.startsWith("{")) {
                jsonLine = line;
                return;
            }
            for (String tok : line.split("[ \t\u000b\f\r]+")) {
                if (tok.startsWith("__label__") || tok.startsWith("qid:") || tok.matches("[0-9]+:.*")) {
                    token = tok;
                    return;
                }
            }
            commas |= line.indexOf(',') >= 0;
        }
    }

    /**
     * The offset of the first byte of {@code b} that is not text (a NUL, a control byte other than whitespace, or
     * malformed UTF-8), or -1. A multi-byte sequence cut by the end of {@code b} is not held against it.
     */
    static long firstNonText(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != 0x0b && c != '\f' && c != '\r') {
                return i;
            }
        }
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(b);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            java.nio.charset.CoderResult r = d.decode(in, out, false);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }
}
