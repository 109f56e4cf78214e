package io.mlformats.core.text;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSource;
import io.mlformats.core.InsufficientMemoryException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.SourcePosition;
import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a {@link ByteInput} into lines and hands each out as a slice {@code buffer()[start(), end())} of the
 * underlying bytes, without the terminator ({@code \n} or {@code \r\n}).
 *
 * <p>Zero-copy where possible: over a heap {@link ByteSource} the buffer <em>is</em> the source's array; over
 * anything else the scanner reads into one reusable window that grows (up to {@link ReadLimits#maxLineBytes()})
 * only when a line is longer than the window, so lines that straddle reads are handed out whole.
 *
 * <p>A UTF-8 byte-order mark at the very start of the input (absolute offset 0) is skipped and reported by
 * {@link #bomSkipped()}; one at the start of a later byte range (a parallel reader's second chunk) is not, so the
 * format rejects it as a mid-input BOM. A missing final newline is accepted. Line numbers are 1-based and count
 * every line, blank ones included.
 *
 * <p>The slice is valid until the next call to {@link #next()} or {@link #peekLine()}. Not thread-safe.
 */
public final class LineScanner implements Closeable {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final int DEFAULT_WINDOW = 1 << 20;
    /** peekLine() refills the window when fewer bytes than this are left in it. */
    private static final int PEEK_AHEAD = 1 << 16;

    private final ByteInput input;
    private final int maxLineBytes;
    private final boolean inPlace;
    private byte[] buf;
    /** Absolute input offset of buf[0]. */
    private long bufBase;
    private int pos;
    private int limit;
    private boolean inputDone;

    private int start;
    private int end;
    private long lineNumber;
    private boolean bomSkipped;
    private boolean first = true;
    private boolean closed;

    /**
     * A scanner with the default 1 MiB window.
     *
     * @param input the input to split, read from its current position; closed by {@link #close()}
     * @param limits supplies {@link ReadLimits#maxLineBytes()}, the longest line accepted
     */
    public LineScanner(ByteInput input, ReadLimits limits) {
        this(input, limits, DEFAULT_WINDOW);
    }

    /**
     * A scanner whose window for streaming inputs starts at {@code initialWindow} bytes.
     *
     * @param input the input to split, read from its current position; closed by {@link #close()}
     * @param limits supplies {@link ReadLimits#maxLineBytes()}, the longest line accepted
     * @param initialWindow starting window size for streaming inputs (tests use tiny windows to exercise
     *                      lines straddling reads)
     */
    public LineScanner(ByteInput input, ReadLimits limits, int initialWindow) {
        this.input = input;
        this.maxLineBytes = limits.maxLineBytes();
        ByteSource src = input.source();
        if (src != null && src.array() != null && input.end() - input.position() <= Integer.MAX_VALUE) {
            this.inPlace = true;
            this.buf = src.array();
            long from = input.position();
            this.pos = src.arrayOffset() + (int) from;
            this.limit = src.arrayOffset() + (int) input.end();
            this.bufBase = from - pos;
            this.inputDone = true;
        } else {
            this.inPlace = false;
            this.buf = new byte[Math.max(16, Math.min(initialWindow, maxLineBytes + 2))];
            this.bufBase = input.position();
        }
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the input
     * @throws LimitExceededException if a line is longer than {@link ReadLimits#maxLineBytes()}
     */
    public boolean next() throws IOException {
        checkOpen();
        if (first) {
            first = false;
            if (offsetOf(pos) == 0) {
                skipBom();
            }
        }
        int nl = findNewline(pos);
        while (nl < 0) {
            if (inputDone) {
                if (pos >= limit) {
                    return false;
                }
                nl = limit; // last line without terminator
                break;
            }
            int scanned = limit - pos; // bytes of this line already searched; fill() may move the line
            fill();
            nl = findNewline(pos + scanned);
        }
        int lineEnd = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
        if (lineEnd - pos > maxLineBytes) {
            throw tooLong(lineEnd - pos);
        }
        start = pos;
        end = lineEnd;
        pos = nl < limit ? nl + 1 : limit;
        lineNumber++;
        return true;
    }

    /**
     * For a parser that finds the end of each line itself, since it reads every byte of the line anyway: returns
     * the index in {@link #buffer()} where the next line starts, without searching for its terminator, or -1 at
     * the end of the input. Bytes {@code buffer()[that, available())} are input; as many as the window holds are
     * made available, but the line may continue past them. Does not advance: follow it with
     * {@link #claimLine(int)} for a line whose {@code '\n'} the parser found, or with {@link #next()}, which
     * then returns that same line. Like {@code next()}, it invalidates the current line's slice.
     *
     * @return the index in {@link #buffer()} of the next line's first byte, or -1 at the end of the input
     * @throws IOException if reading the input fails
     */
    public int peekLine() throws IOException {
        checkOpen();
        if (first) {
            first = false;
            if (offsetOf(pos) == 0) {
                skipBom();
            }
        }
        // Refill a nearly used window (without growing it: only next() grows it, for a line that needs it).
        if (!inputDone && limit - pos < PEEK_AHEAD && (pos > 0 || limit < buf.length)) {
            fill();
        }
        while (pos >= limit && !inputDone) {
            fill();
        }
        return pos < limit ? pos : -1;
    }

    /**
     * End of the bytes buffered after a {@link #peekLine()}: {@code buffer()[peekLine(), available())}, at most
     * {@link ReadLimits#maxLineBytes()} + 2 of them, so that a parser never works through more of a line than
     * the limit allows (a longer line is left to {@link #next()}, which refuses it).
     *
     * @return the exclusive end index in {@link #buffer()} of the bytes a parser may read after {@link #peekLine()}
     */
    public int available() {
        return (int) Math.min(limit, (long) pos + maxLineBytes + 2);
    }

    /**
     * Advances to the line that starts at {@link #peekLine()} and ends with the {@code '\n'} at
     * {@code buffer()[newline]}, leaving the scanner exactly as {@link #next()} would have. The caller vouches
     * that no {@code '\n'} comes before it.
     *
     * @param newline the index in {@link #buffer()} of the {@code '\n'} ending the peeked line
     * @throws LimitExceededException if the line is longer than {@link ReadLimits#maxLineBytes()}
     * @throws IllegalArgumentException if {@code buffer()[newline]} is not a buffered {@code '\n'} at or after the
     *     peeked line's start
     */
    public void claimLine(int newline) throws LimitExceededException {
        if (newline < pos || newline >= limit || buf[newline] != '\n') {
            throw new IllegalArgumentException("no line ends at " + newline);
        }
        int lineEnd = newline > pos && buf[newline - 1] == '\r' ? newline - 1 : newline;
        if (lineEnd - pos > maxLineBytes) {
            throw tooLong(lineEnd - pos);
        }
        start = pos;
        end = lineEnd;
        pos = newline + 1;
        lineNumber++;
    }

    /**
     * The buffer holding the current line.
     *
     * @return the scanner's current buffer (the source's own array when {@link #inPlace()}); not a copy, and it may be
     *     replaced by the next {@link #next()} or {@link #peekLine()}
     */
    public byte[] buffer() {
        return buf;
    }

    /**
     * Index in {@link #buffer()} of the first byte of the current line.
     *
     * @return the inclusive start index of the current line in {@link #buffer()}
     */
    public int start() {
        return start;
    }

    /**
     * Index in {@link #buffer()} just past the current line's last byte (terminator excluded).
     *
     * @return the exclusive end index of the current line in {@link #buffer()}
     */
    public int end() {
        return end;
    }

    /**
     * Length of the current line in bytes, terminator excluded.
     *
     * @return {@code end() - start()}, the current line's length in bytes
     */
    public int length() {
        return end - start;
    }

    /**
     * 1-based number of the current line.
     *
     * @return the current line's 1-based number, 0 before the first {@link #next()}
     */
    public long lineNumber() {
        return lineNumber;
    }

    /**
     * Absolute offset in the input of the current line's first byte.
     *
     * @return the byte offset in the whole input of the current line's first byte
     */
    public long lineOffset() {
        return bufBase + start;
    }

    /**
     * Absolute offset in the input of {@code buffer()[index]}.
     *
     * @param index an index in {@link #buffer()}
     * @return the byte offset in the whole input of {@code buffer()[index]}
     */
    public long offsetOf(int index) {
        return bufBase + index;
    }

    /**
     * Bytes consumed so far (through the end of the current line and its terminator).
     *
     * @return the absolute input offset just past the current line's terminator
     */
    public long consumed() {
        return bufBase + pos;
    }

    /**
     * True if a UTF-8 BOM at the start of the input was skipped.
     *
     * @return {@code true} if the input began with a UTF-8 byte-order mark that was skipped
     */
    public boolean bomSkipped() {
        return bomSkipped;
    }

    /**
     * Name of the input, for error messages.
     *
     * @return the input's name, as given by {@link ByteInput#name()}
     */
    public String name() {
        return input.name();
    }

    /**
     * A position for byte {@code index} of the buffer on the current line, for a given record index.
     *
     * @param index an index in {@link #buffer()} on the current line
     * @param recordIndex the zero-based index of the record being read, or -1 when unknown
     * @return a position with the input's name, the byte's absolute offset, {@code recordIndex} and the current line
     *     number
     */
    public SourcePosition positionAt(int index, long recordIndex) {
        return SourcePosition.ofLine(input.name(), offsetOf(index), recordIndex, lineNumber);
    }

    /**
     * A position for the start of the current line.
     *
     * @param recordIndex the zero-based index of the record being read, or -1 when unknown
     * @return a position with the input's name, the line's absolute offset, {@code recordIndex} and the current line
     *     number
     */
    public SourcePosition position(long recordIndex) {
        return positionAt(start, recordIndex);
    }

    private void skipBom() throws IOException {
        while (!inputDone && limit - pos < 3) {
            fill();
        }
        if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
            bomSkipped = true;
        }
    }

    /** Index of the first '\n' at or after {@code from} within the buffered bytes, or -1. */
    private int findNewline(int from) {
        byte[] b = buf;
        int i = from;
        int lim = limit;
        // Lines are long (hundreds of bytes in LibSVM files): 32 bytes per test and branch, then word by word.
        while (i + 32 <= lim) {
            long w0 = (long) LONG_LE.get(b, i) ^ NEWLINES;
            long w1 = (long) LONG_LE.get(b, i + 8) ^ NEWLINES;
            long w2 = (long) LONG_LE.get(b, i + 16) ^ NEWLINES;
            long w3 = (long) LONG_LE.get(b, i + 24) ^ NEWLINES;
            long any = ((w0 - ONES) & ~w0) | ((w1 - ONES) & ~w1) | ((w2 - ONES) & ~w2) | ((w3 - ONES) & ~w3);
            if ((any & HIGHS) != 0) {
                break;
            }
            i += 32;
        }
        while (i + 8 <= lim) {
            long w = (long) LONG_LE.get(b, i) ^ NEWLINES;
            long found = (w - ONES) & ~w & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        while (i < lim) {
            if (b[i] == '\n') {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Reads more input, compacting the partial line to the front and growing the window if it is full. */
    private void fill() throws IOException {
        if (pos > 0) {
            int keep = limit - pos;
            System.arraycopy(buf, pos, buf, 0, keep);
            bufBase += pos;
            start -= pos;
            end -= pos;
            limit = keep;
            pos = 0;
        }
        if (limit == buf.length) {
            if (limit > maxLineBytes + 1) {
                throw tooLong(limit);
            }
            int grown = (int) Math.min((long) buf.length * 2, (long) maxLineBytes + 2);
            buf = grow(grown);
        }
        int n = input.read(buf, limit, buf.length - limit);
        if (n < 0) {
            inputDone = true;
        } else {
            limit += n;
        }
    }

    /**
     * The window grown to {@code size} bytes. The limit allows it, but a small heap may not: then the error names
     * the line and its offset rather than letting an {@link OutOfMemoryError} end the process without either.
     */
    private byte[] grow(int size) throws InsufficientMemoryException {
        try {
            return java.util.Arrays.copyOf(buf, size);
        } catch (OutOfMemoryError e) {
            throw new InsufficientMemoryException(SourcePosition.ofLine(input.name(), bufBase + pos, -1, lineNumber + 1),
                    "line " + (lineNumber + 1) + " (longer than " + limit + " bytes)", size, "maxLineBytes", maxLineBytes);
        }
    }

    private LimitExceededException tooLong(int length) {
        return new LimitExceededException(
                SourcePosition.ofLine(input.name(), bufBase + pos, -1, lineNumber + 1),
                "maxLineBytes", maxLineBytes, "line " + (lineNumber + 1) + " of at least " + length + " bytes");
    }

    /**
     * Whether lines are handed out from the source's own array (no copying at all).
     *
     * @return {@code true} if {@link #buffer()} is the source's own array, {@code false} if it is the scanner's window
     */
    public boolean inPlace() {
        return inPlace;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        input.close();
    }

    /** Reading after {@link #close()} would return stale or wrong data: refuse it (every line reader relies on it). */
    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the reader is closed");
        }
    }

}
