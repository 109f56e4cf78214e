package io.mlformats.core;

import java.io.IOException;

/**
 * Where records start in a format: the rule a reader uses to turn a {@link ByteRange} into the exact bytes of
 * the records that start in it. Text formats use {@link #LINES}; RecordIO provides its resynchronisation rule.
 * Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface RecordStarts {

    /**
     * The offset of the first record that starts at or after {@code offset}, or {@code input.length()} if none
     * does.
     *
     * @param input the whole input being split; read with positioned reads, not closed
     * @param offset {@code 0 <= offset <= input.length()}
     * @return the offset of the first record start at or after {@code offset}, in {@code [offset, input.length()]}
     * @throws IOException if reading the input fails
     */
    long next(SeekableInput input, long offset) throws IOException;

    /** A line starts at offset 0 and right after each {@code '\n'} ({@code \r\n} ends a line too). */
    RecordStarts LINES = (input, offset) -> {
        long length = input.length();
        if (offset <= 0) {
            return 0;
        }
        if (offset >= length) {
            return length;
        }
        byte[] buf = new byte[(int) Math.min(64 * 1024, length - offset + 1)];
        long pos = offset - 1;   // the byte before offset: a '\n' there means a line starts at offset
        while (pos < length) {
            int n = (int) Math.min(buf.length, length - pos);
            input.readFully(pos, buf, 0, n);
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return length;
    };
}
