package io.mlformats.parquet.internal;

import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Checks a Parquet file's tail ({@code <footer> <footer length: 4 bytes little-endian> PAR1}) before parquet-java
 * reads the footer, so that a footer longer than the file or than {@link ReadLimits#maxRecordBytes()} is refused
 * with the file and offset instead of being allocated; and words parquet-java's exceptions for messages.
 * Stateless.
 */
final class ParquetFooter {
    /** {@code PAR1} at both ends, the 4-byte footer length, and at least an empty footer. */
    private static final int MIN_FILE = 12;
    private static final int TAIL = 8;

    private ParquetFooter() {
    }

    /**
     * Checks the tail of {@code file}.
     *
     * @return the byte offset where the footer starts (or 0 for an encrypted footer, left to parquet-java)
     * @throws FormatException        if the file is too short, does not end in a Parquet magic, or announces a
     *                                footer that does not fit in it
     * @throws LimitExceededException if the footer is longer than {@link ReadLimits#maxRecordBytes()}
     * @throws IOException            if the file cannot be read
     */
    static long check(InputFile file, String name, ReadLimits limits) throws IOException {
        long length = file.getLength();
        if (length < MIN_FILE) {
            throw new FormatException(SourcePosition.ofRecord(name, 0, -1), "not a Parquet file: " + length
                    + " byte(s); expected at least " + MIN_FILE + " (PAR1, a footer, its length, PAR1)");
        }
        byte[] tail = new byte[TAIL];
        try (SeekableInputStream in = file.newStream()) {
            in.seek(length - TAIL);
            in.readFully(tail);
        }
        String magic = new String(tail, 4, 4, StandardCharsets.ISO_8859_1);
        if (magic.equals("PARE")) {
            return 0; // an encrypted footer: parquet-java checks it (and refuses it without keys)
        }
        if (!magic.equals("PAR1")) {
            throw new FormatException(SourcePosition.ofRecord(name, length - 4, -1), "not a Parquet file, or a "
                    + "truncated one: it ends in " + printable(tail, 4) + "; expected the magic PAR1 at the end");
        }
        long footer = (tail[0] & 0xFFL) | (tail[1] & 0xFFL) << 8 | (tail[2] & 0xFFL) << 16 | (tail[3] & 0xFFL) << 24;
        long room = length - MIN_FILE;
        SourcePosition at = SourcePosition.ofRecord(name, length - TAIL, -1);
        if (footer > room) {
            throw new FormatException(at, "the footer length is " + footer + " bytes but the file has room for "
                    + room + "; expected a footer length that fits between the leading PAR1 and the last 8 bytes"
                    + " (a truncated or damaged file)");
        }
        if (footer > limits.maxRecordBytes()) {
            throw new LimitExceededException(at, "maxRecordBytes", limits.maxRecordBytes(),
                    "a Parquet footer of " + footer + " bytes");
        }
        return length - TAIL - footer;
    }

    private static String printable(byte[] b, int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < b.length; i++) {
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return "0x" + sb;
    }

    /**
     * One line for a parquet-java failure: its message and its innermost cause's (which often names the field);
     * a JDK exception (parquet-java lets ArrayIndexOutOfBounds, NegativeArraySize and bare NullPointer or
     * NoSuchElement exceptions escape) is named by its class too, since its message alone says nothing.
     */
    static String describe(Throwable e) {
        String text = one(e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String inner = one(root);
        if (root != e && !text.contains(inner)) {
            text += " (" + inner + ")";
        }
        return text.replace('\n', ' ');
    }

    private static String one(Throwable e) {
        String message = e.getMessage();
        if (!e.getClass().getName().startsWith("java.")) {
            return message != null ? message : e.getClass().getSimpleName();
        }
        return e.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }
}
