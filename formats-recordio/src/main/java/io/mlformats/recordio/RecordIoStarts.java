package io.mlformats.recordio;

import static io.mlformats.recordio.RecordIoFormat.HEADER_BYTES;
import static io.mlformats.recordio.RecordIoFormat.MAGIC;

import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSource;
import io.mlformats.core.RecordStarts;
import io.mlformats.core.SeekableInput;
import java.io.IOException;

/**
 * Where RecordIO records start: the rule that lets a RecordIO file be cut into {@link ByteRange}s read
 * independently (in parallel threads or on different machines) with every record read exactly once.
 *
 * <p>A record belongs to the range in which its first header starts. A reader of {@code [begin, end)} starts at
 * {@link #next(SeekableInput, long)} of {@code begin} (0 when {@code begin} is 0) and reads the records whose
 * first header lies before {@code end}, reading past {@code end} to finish the last one; see
 * {@link RecordIoReader#open(SeekableInput, ByteRange, RecordIoReadOptions)}. The same rule resynchronises a
 * reader after a damaged header under skip-and-collect.
 *
 * <p>The rule is dmlc-core's {@code FindNextRecordIOHead}: the first 4-aligned word equal to the magic whose
 * next word has cflag 0 or 1, plus a confirmation dmlc does not make: the payload fits in the input, and the
 * word after it is the end of the input or another header whose cflag continues the sequence (after 0: 0 or 1;
 * after 1: 2 or 3). In files written with dmlc splitting ({@link RecordIoWriteOptions#splitOnMagic()}, the
 * default) an aligned magic occurs only in headers, so the rule is exact. Files written without splitting (the
 * SageMaker SDK, sagemaker-spark) can hold the magic at an aligned payload offset; the confirmation makes a false
 * head unlikely (it needs two consecutive forged headers) but not impossible. Stateless; thread-safe.
 */
public final class RecordIoStarts implements RecordStarts {
    /** The rule (stateless). */
    public static final RecordIoStarts INSTANCE = new RecordIoStarts();

    private static final int WINDOW = 64 * 1024;

    private RecordIoStarts() {
    }

    /** Little-endian words of an input, by absolute offset. */
    private interface Words {
        int intLE(long at) throws IOException;
    }

    /**
     * The offset of the first record head at or after {@code offset} (rounded up to a multiple of 4), or
     * {@code input.length()} if there is none; 0 for {@code offset <= 0} (a file starts with a record).
     */
    @Override
    public long next(SeekableInput input, long offset) throws IOException {
        if (offset <= 0) {
            return 0;
        }
        long length = input.length();
        return nextHead(new WindowedWords(input, length), length, offset);
    }

    /** {@link #next(SeekableInput, long)} over a random-access source, for resynchronising inside a reader. */
    static long nextHead(ByteSource source, long from) {
        try {
            return nextHead(source::getIntLE, source.size(), from);
        } catch (IOException e) {
            throw new AssertionError("a ByteSource does not throw", e);
        }
    }

    /**
     * Nominal boundaries for cutting {@code size} bytes into {@code parts} ranges of about equal size, multiples
     * of 4: {@code [b[0]=0, b[1]), [b[1], b[2]), ..., [b[parts-1], b[parts]=size)}. Each range is then read with
     * {@link RecordIoReader#open(SeekableInput, ByteRange, RecordIoReadOptions)}; ranges may hold no record.
     *
     * @param size  length of the input in bytes
     * @param parts number of ranges to cut it into ({@code > 0})
     * @return a new array of {@code parts + 1} non-decreasing offsets, the first 0 and the last {@code size}
     * @throws IllegalArgumentException if {@code parts <= 0}
     */
    public static long[] boundaries(long size, int parts) {
        if (parts <= 0) {
            throw new IllegalArgumentException("parts must be > 0: " + parts);
        }
        long[] b = new long[parts + 1];
        long step = RecordIoFormat.align4((size + parts - 1) / parts);
        for (int i = 1; i < parts; i++) {
            b[i] = Math.min(size, step * i);
        }
        b[parts] = size;
        return b;
    }

    private static long nextHead(Words words, long size, long from) throws IOException {
        for (long c = RecordIoFormat.align4(Math.max(0, from)); c + HEADER_BYTES <= size; c += 4) {
            if (words.intLE(c) == MAGIC && isConfirmedHead(words, c, size)) {
                return c;
            }
        }
        return size;
    }

    private static boolean isConfirmedHead(Words words, long c, long size) throws IOException {
        int lrec = words.intLE(c + 4);
        int cflag = RecordIoFormat.cflag(lrec);
        if (cflag > RecordIoFormat.CFLAG_FIRST) {
            return false;
        }
        long next = c + HEADER_BYTES + RecordIoFormat.align4(RecordIoFormat.length(lrec));
        if (next == size) {
            return cflag == RecordIoFormat.CFLAG_FULL;
        }
        if (next + HEADER_BYTES > size || words.intLE(next) != MAGIC) {
            return false;
        }
        int nextFlag = RecordIoFormat.cflag(words.intLE(next + 4));
        return cflag == RecordIoFormat.CFLAG_FULL
                ? nextFlag <= RecordIoFormat.CFLAG_FIRST
                : nextFlag == RecordIoFormat.CFLAG_MIDDLE || nextFlag == RecordIoFormat.CFLAG_LAST;
    }

    /** Words of a seekable input through one window of {@link #WINDOW} bytes, read with {@code readFully}. */
    private static final class WindowedWords implements Words {
        private final SeekableInput input;
        private final long length;
        private final byte[] window;
        private long start;
        private int filled;

        WindowedWords(SeekableInput input, long length) {
            this.input = input;
            this.length = length;
            this.window = new byte[(int) Math.min(WINDOW, Math.max(8, length))];
        }

        @Override
        public int intLE(long at) throws IOException {
            if (at < start || at + 4 > start + filled) {
                start = at;
                filled = (int) Math.min(window.length, length - at);
                input.readFully(at, window, 0, filled);
            }
            int i = (int) (at - start);
            return (window[i] & 0xff) | (window[i + 1] & 0xff) << 8 | (window[i + 2] & 0xff) << 16
                    | (window[i + 3] & 0xff) << 24;
        }
    }
}
