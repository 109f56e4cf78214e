package io.mlformats.core.internal;

import io.mlformats.core.ByteInput;
import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.TruncatedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip stream of one or more members (RFC 1952), checking each member's CRC-32 and size, and
 * bounding the output by {@link ReadLimits#maxDecompressedBytes()} and {@link ReadLimits#maxCompressionRatio()}.
 *
 * <p>Written against {@link Inflater} rather than {@link java.util.zip.GZIPInputStream} because the latter stops
 * after the first member when the underlying stream reports {@code available() == 0} (slow streams, pipes),
 * silently losing data, and reports truncation without an offset.
 */
public final class GzipInput implements ByteInput {
    private static final int FTEXT = 1;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final String name;
    private final InputStream in;
    private final ReadLimits limits;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] inBuf = new byte[64 * 1024];
    private int inPos;
    private int inLim;
    private long compressedBefore; // compressed bytes consumed before inBuf[0]
    private boolean inEof;

    private long outPos;
    private long memberOut;
    private int members;
    private boolean needHeader = true;
    private boolean eof;

    /**
     * @param head bytes already read from the start of {@code in} (the sniffed magic), consumed first
     */
    public GzipInput(String name, InputStream in, byte[] head, int headLen, ReadLimits limits) {
        this.name = name;
        this.in = in;
        this.limits = limits;
        System.arraycopy(head, 0, inBuf, 0, headLen);
        this.inLim = headLen;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long position() {
        return outPos;
    }

    /** Compressed bytes consumed so far. */
    public long compressedPosition() {
        return compressedBefore + inPos;
    }

    /** Number of gzip members started so far. */
    public int members() {
        return members;
    }

    @Override
    public int read(byte[] dst, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!eof) {
            if (needHeader) {
                if (!readHeader()) {
                    eof = true;
                    return -1;
                }
                needHeader = false;
            }
            int n;
            try {
                n = inflater.inflate(dst, offset, length);
            } catch (DataFormatException e) {
                throw error("corrupt deflate data in gzip member " + members + ": " + e.getMessage());
            }
            inPos = inLim - inflater.getRemaining();
            if (n > 0) {
                crc.update(dst, offset, n);
                outPos += n;
                memberOut += n;
                checkLimits();
                return n;
            }
            if (inflater.finished()) {
                readTrailer();
                needHeader = true;
            } else if (inflater.needsDictionary()) {
                throw error("gzip member " + members + " needs a preset dictionary, which gzip does not allow");
            } else if (inflater.needsInput()) {
                if (!fill()) {
                    throw new TruncatedInputException(pos(), "gzip stream truncated inside member " + members
                            + " after " + outPos + " decompressed bytes; expected more compressed data");
                }
                inflater.setInput(inBuf, inPos, inLim - inPos);
            }
        }
        return -1;
    }

    private void checkLimits() throws LimitExceededException {
        if (outPos > limits.maxDecompressedBytes()) {
            throw new LimitExceededException(pos(), "maxDecompressedBytes", limits.maxDecompressedBytes(),
                    "decompressed size " + outPos);
        }
        if (outPos > ReadLimits.RATIO_GRACE_BYTES
                && outPos / Math.max(1, compressedPosition()) > limits.maxCompressionRatio()) {
            throw new LimitExceededException(pos(), "maxCompressionRatio", limits.maxCompressionRatio(),
                    "compression ratio " + outPos / Math.max(1, compressedPosition()) + " (probable gzip bomb)");
        }
    }

    /** Reads a member header; false at a clean end of input after at least one member. */
    private boolean readHeader() throws IOException {
        long start = compressedPosition();
        int id1 = nextByte();
        if (id1 < 0) {
            if (members == 0) {
                throw new TruncatedInputException(pos(), "empty gzip stream; expected a gzip header");
            }
            return false;
        }
        int id2 = nextByte();
        if (id1 != 0x1f || id2 != 0x8b) {
            if (members == 0) {
                throw new FormatException(posAt(start), "not a gzip stream: expected magic 1f 8b");
            }
            throw new FormatException(posAt(start), "trailing garbage after gzip member " + (members - 1)
                    + ": expected end of input or another gzip member (1f 8b)");
        }
        int cm = need(start);
        int flg = need(start);
        if (cm != 8) {
            throw new FormatException(posAt(start), "gzip compression method " + cm + " is not deflate (8)");
        }
        if ((flg & 0xe0) != 0) {
            throw new FormatException(posAt(start), "gzip header has reserved flag bits set: 0x"
                    + Integer.toHexString(flg));
        }
        for (int i = 0; i < 6; i++) { // MTIME, XFL, OS
            need(start);
        }
        if ((flg & FEXTRA) != 0) {
            int xlen = need(start) | need(start) << 8;
            for (int i = 0; i < xlen; i++) {
                need(start);
            }
        }
        if ((flg & FNAME) != 0) {
            while (need(start) != 0) {
                // skip the original file name
            }
        }
        if ((flg & FCOMMENT) != 0) {
            while (need(start) != 0) {
                // skip the comment
            }
        }
        if ((flg & FHCRC) != 0) {
            need(start);
            need(start);
        }
        assert (flg & FTEXT) >= 0;
        members++;
        memberOut = 0;
        crc.reset();
        inflater.reset();
        inflater.setInput(inBuf, inPos, inLim - inPos);
        return true;
    }

    private void readTrailer() throws IOException {
        long start = compressedPosition();
        long storedCrc = readIntLE(start) & 0xffffffffL;
        long storedSize = readIntLE(start) & 0xffffffffL;
        if (storedCrc != crc.getValue()) {
            throw new FormatException(posAt(start), "gzip member " + (members - 1) + " CRC-32 mismatch: stored 0x"
                    + Long.toHexString(storedCrc) + ", computed 0x" + Long.toHexString(crc.getValue()));
        }
        if (storedSize != (memberOut & 0xffffffffL)) {
            throw new FormatException(posAt(start), "gzip member " + (members - 1) + " size mismatch: stored "
                    + storedSize + ", decompressed " + memberOut);
        }
    }

    private int readIntLE(long start) throws IOException {
        return need(start) | need(start) << 8 | need(start) << 16 | need(start) << 24;
    }

    private int need(long start) throws IOException {
        int b = nextByte();
        if (b < 0) {
            throw new TruncatedInputException(posAt(start), "gzip stream truncated in a member header or trailer");
        }
        return b;
    }

    private int nextByte() throws IOException {
        if (inPos >= inLim && !fill()) {
            return -1;
        }
        return inBuf[inPos++] & 0xff;
    }

    private boolean fill() throws IOException {
        if (inEof) {
            return false;
        }
        compressedBefore += inPos;
        int keep = inLim - inPos;
        System.arraycopy(inBuf, inPos, inBuf, 0, keep);
        inPos = 0;
        inLim = keep;
        int n;
        do {
            n = in.read(inBuf, inLim, inBuf.length - inLim);
        } while (n == 0);
        if (n < 0) {
            inEof = true;
            return keep > 0;
        }
        inLim += n;
        return true;
    }

    private SourcePosition pos() {
        return posAt(compressedPosition());
    }

    private SourcePosition posAt(long compressedOffset) {
        return SourcePosition.ofRecord(name + " (gzip, compressed offset)", compressedOffset, -1);
    }

    private FormatException error(String detail) {
        return new FormatException(pos(), detail);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
