package io.mlformats.libsvm;

import io.mlformats.libsvm.internal.TextSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Formats one LibSVM row at a time into a reused byte array, for callers that place lines themselves (a Spark
 * {@code to_libsvm} function, a message per row). The bytes are exactly those {@link LibSvmWriter} writes for the
 * same row with the same {@link LibSvmWriteOptions} (one formatting code path serves both), without the
 * trailing {@code '\n'}: {@code label index:value ...}, ascending indices (unsorted input is sorted), shortest
 * round-trip numbers, index base and non-finite handling from the options.
 *
 * <pre>{@code
 * LibSvmLineFormatter f = LibSvmLineFormatter.of(LibSvmWriteOptions.defaults());
 * int n = f.format(1.0, new int[] {0, 3}, new double[] {0.5, 2}, 0, 2);
 * String line = new String(f.buffer(), 0, n, StandardCharsets.US_ASCII);   // "1 0:0.5 3:2"
 * }</pre>
 *
 * <p>A refused row (non-finite number without {@code allowNonFinite}, negative or duplicate index) throws
 * {@link IllegalArgumentException} and leaves the formatter usable. Buffers: {@link #buffer()} belongs to the
 * formatter and holds the last line until the next {@code format} call; arrays passed in are read during the
 * call only. Not thread-safe: one formatter per thread.
 */
public final class LibSvmLineFormatter {
    private final TextSink sink;
    private final LibSvmWriter writer;
    private final double[] label = new double[1];
    private int[] positions = new int[0];
    private int length;

    private LibSvmLineFormatter(LibSvmWriteOptions options) {
        if (options.gzip()) {
            throw new IllegalArgumentException("a line formatter cannot compress: LibSvmWriteOptions.gzip() must be "
                    + "false");
        }
        try {
            // The sink is never flushed: every line is formatted at position 0 of its buffer and read from there.
            this.sink = TextSink.toStream(OutputStream.nullOutputStream(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // no gzip header to write: cannot happen
        }
        this.writer = new LibSvmWriter(sink, options);
    }

    /**
     * A formatter using {@code options}' index base and non-finite handling.
     *
     * @param options index base and handling of non-finite numbers; {@code gzip()} must be false
     * @return a new formatter
     * @throws IllegalArgumentException if {@code options.gzip()} is true
     */
    public static LibSvmLineFormatter of(LibSvmWriteOptions options) {
        return new LibSvmLineFormatter(Objects.requireNonNull(options, "options"));
    }

    /**
     * Formats a sparse float64 row: {@code indices[off+i]:values[off+i]} for {@code i < nnz} (0-based indices,
     * written in the options' index base).
     *
     * @param label   the label
     * @param indices array holding the non-negative 0-based feature indices; read during the call only
     * @param values  array holding the values, parallel to {@code indices}; read during the call only
     * @param off     index of the first entry in both arrays
     * @param nnz     number of entries
     * @return the line's length in {@link #buffer()}
     * @throws IllegalArgumentException for a row LibSVM text cannot hold (as {@link LibSvmWriter} refuses it)
     * @throws IndexOutOfBoundsException if {@code [off, off+nnz)} is not within both arrays
     */
    public int format(double label, int[] indices, double[] values, int off, int nnz) {
        Objects.checkFromIndexSize(off, nnz, indices.length);
        Objects.checkFromIndexSize(off, nnz, values.length);
        return line(label, indices, null, values, off, nnz);
    }

    /**
     * Formats a sparse float32 row (values written as the shortest float32 text).
     *
     * @param label   the label
     * @param indices array holding the non-negative 0-based feature indices; read during the call only
     * @param values  array holding the values, parallel to {@code indices}; read during the call only
     * @param off     index of the first entry in both arrays
     * @param nnz     number of entries
     * @return the line's length in {@link #buffer()}
     * @throws IllegalArgumentException for a row LibSVM text cannot hold
     * @throws IndexOutOfBoundsException if {@code [off, off+nnz)} is not within both arrays
     */
    public int format(double label, int[] indices, float[] values, int off, int nnz) {
        Objects.checkFromIndexSize(off, nnz, indices.length);
        Objects.checkFromIndexSize(off, nnz, values.length);
        return line(label, indices, values, null, off, nnz);
    }

    /**
     * Formats a dense float64 row: every value, zeros included, at indices {@code 0..len-1} (as Spark writes a
     * dense vector; XGBoost reads an absent entry as missing, not as 0).
     *
     * @param label  the label
     * @param values array holding the values, feature {@code i} at index {@code i}; read during the call only
     * @param len    number of features
     * @return the line's length in {@link #buffer()}
     * @throws IllegalArgumentException for a non-finite number without {@code allowNonFinite}
     * @throws IndexOutOfBoundsException if {@code len} is negative or beyond {@code values}
     */
    public int formatDense(double label, double[] values, int len) {
        Objects.checkFromIndexSize(0, len, values.length);
        return line(label, positions(len), null, values, 0, len);
    }

    /**
     * Formats a dense float32 row, as {@link #formatDense(double, double[], int)}.
     *
     * @param label  the label
     * @param values array holding the values, feature {@code i} at index {@code i}; read during the call only
     * @param len    number of features
     * @return the line's length in {@link #buffer()}
     * @throws IllegalArgumentException for a non-finite number without {@code allowNonFinite}
     * @throws IndexOutOfBoundsException if {@code len} is negative or beyond {@code values}
     */
    public int formatDense(double label, float[] values, int len) {
        Objects.checkFromIndexSize(0, len, values.length);
        return line(label, positions(len), values, null, 0, len);
    }

    /**
     * Formats a {@link LibSvmRow} (label list, weight and qid included), as {@link LibSvmWriter#write(LibSvmRow)}.
     *
     * @param row the row; read during the call only
     * @return the line's length in {@link #buffer()}
     * @throws IllegalArgumentException for a row LibSVM text cannot hold
     */
    public int format(LibSvmRow row) {
        sink.position(0);
        length = 0;
        try {
            writer.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink never writes out: cannot happen
        }
        return finished();
    }

    /**
     * The formatted line: bytes {@code [0, length())}, US-ASCII, no {@code '\n'}.
     *
     * @return the formatter's own array (not a copy); valid until the next {@code format} call, which may replace
     *         it
     */
    public byte[] buffer() {
        return sink.buffer();
    }

    /**
     * Length of the last formatted line (0 after a refused row).
     *
     * @return the number of bytes of the line in {@link #buffer()}
     */
    public int length() {
        return length;
    }

    /** An identity table {@code 0, 1, 2, ...}: dense values are entries at their own position. */
    private int[] positions(int len) {
        if (positions.length < len) {
            int[] p = new int[Math.max(len, positions.length * 2)];
            for (int i = 0; i < p.length; i++) {
                p[i] = i;
            }
            positions = p;
        }
        return positions;
    }

    private int line(double l, int[] idx, float[] f32, double[] f64, int off, int nnz) {
        sink.position(0);
        length = 0;
        label[0] = l;
        try {
            writer.writeRecord(label, 0, 1, false, 1, false, 0, false, idx, f32, f64, off, off + nnz);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink never writes out: cannot happen
        }
        return finished();
    }

    private int finished() {
        length = sink.position() - 1; // drop the '\n' the writer ends every record with
        return length;
    }
}
