package io.mlformats.recordio;

import static io.mlformats.recordio.RecordIoFormat.HEADER_BYTES;
import static io.mlformats.recordio.RecordIoFormat.MAGIC;

import io.mlformats.core.ByteSource;

/**
 * Finds record heads at arbitrary byte offsets, so that a RecordIO file can be cut into byte ranges that are
 * read independently (in parallel threads or on different machines) with every record read exactly once.
 *
 * <p>A record belongs to the range in which its first header starts. A reader of {@code [begin, end)} starts at
 * {@link #nextRecordHead(ByteSource, long)} of {@code begin} (or at 0) and reads records while their first
 * header lies before {@code end}, reading past {@code end} to finish the last one; see
 * {@link RecordIoReader#openRange}.
 *
 * <p>The rule is dmlc-core's {@code FindNextRecordIOHead}: the first 4-aligned word equal to the magic whose
 * next word has cflag 0 or 1, plus a confirmation dmlc does not make: the payload fits in the source, and the
 * word after it is the end of the source or another header whose cflag continues the sequence (after 0: 0 or 1;
 * after 1: 2 or 3). In files written with dmlc splitting ({@link RecordIoWriteOptions#splitOnMagic()}, the
 * default) an aligned magic occurs only in headers, so the rule is exact. Files written without splitting (the
 * SageMaker SDK, sagemaker-spark) can hold the magic at an aligned payload offset; the confirmation makes a false
 * head unlikely (it needs two consecutive forged headers) but not impossible. Stateless; thread-safe.
 */
public final class RecordIoSplitter {
    private RecordIoSplitter() {
    }

    /**
     * The offset of the first record head at or after {@code from} (rounded up to a multiple of 4), or
     * {@code source.size()} if there is none.
     */
    public static long nextRecordHead(ByteSource source, long from) {
        long size = source.size();
        for (long c = RecordIoFormat.align4(Math.max(0, from)); c + HEADER_BYTES <= size; c += 4) {
            if (source.getIntLE(c) == MAGIC && isConfirmedHead(source, c, size)) {
                return c;
            }
        }
        return size;
    }

    /**
     * Nominal boundaries for cutting a source into {@code parts} ranges of about equal size, multiples of 4:
     * {@code [b[0]=0, b[1]), [b[1], b[2]), ..., [b[parts-1], b[parts]=size)}. Each range is then read with
     * {@link RecordIoReader#openRange}; ranges may hold no record.
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

    private static boolean isConfirmedHead(ByteSource source, long c, long size) {
        int lrec = source.getIntLE(c + 4);
        int cflag = RecordIoFormat.cflag(lrec);
        if (cflag > RecordIoFormat.CFLAG_FIRST) {
            return false;
        }
        long next = c + HEADER_BYTES + RecordIoFormat.align4(RecordIoFormat.length(lrec));
        if (next == size) {
            return cflag == RecordIoFormat.CFLAG_FULL;
        }
        if (next + HEADER_BYTES > size || source.getIntLE(next) != MAGIC) {
            return false;
        }
        int nextFlag = RecordIoFormat.cflag(source.getIntLE(next + 4));
        return cflag == RecordIoFormat.CFLAG_FULL
                ? nextFlag <= RecordIoFormat.CFLAG_FIRST
                : nextFlag == RecordIoFormat.CFLAG_MIDDLE || nextFlag == RecordIoFormat.CFLAG_LAST;
    }
}
