package io.mlformats.recordio.protobuf;

import io.mlformats.core.vector.LabeledRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encodes one SageMaker RecordIO-protobuf record at a time into a reused byte array, as one complete RecordIO
 * frame: header, {@code aialgs.data.Record} payload and padding (several dmlc parts when
 * {@link io.mlformats.recordio.RecordIoWriteOptions#splitOnMagic()} splits a payload holding the magic).
 * Frames laid end to end are an {@code application/x-recordio-protobuf} body: a {@code .pbr} file, an
 * InvokeEndpoint request. For callers that place records themselves (a Spark {@code to_recordio_protobuf}
 * function, one message per row).
 *
 * <p>The bytes are exactly those {@link RecordProtobufWriter} writes for the same record with the same
 * {@link RecordProtobufWriteOptions}: the encoder drives a writer of its own and takes each frame as it is
 * flushed, so there is one encoding code path. Methods mirror the writer's ({@code dense...} =
 * {@link RecordProtobufWriter#writeDense}, {@code sparse...} = {@link RecordProtobufWriter#writeSparse},
 * {@link #row} = {@link RecordProtobufWriter#writeRow}); {@code hasLabel = false} writes a record without a
 * label tensor.
 *
 * <pre>{@code
 * RecordFrameEncoder enc = RecordFrameEncoder.of(RecordProtobufWriteOptions.defaults());
 * int n = enc.dense(new float[] {1, 2}, 0, 2, true, 1.0);
 * out.write(enc.buffer(), 0, n);
 * }</pre>
 *
 * <p>A refused record ({@link IllegalArgumentException}: too large, an int32 label that is not an integer, a
 * negative key, a sparse row without dimension) leaves the encoder usable and {@link #length()} 0. Buffers:
 * {@link #buffer()} belongs to the encoder and holds the last frame until the next call; arrays passed in are
 * read during the call only. Steady state allocates nothing per record (a payload holding the magic is copied
 * once, as the writer does). Not thread-safe: one encoder per thread.
 */
public final class RecordFrameEncoder {
    private final Frame frame = new Frame();
    private final RecordProtobufWriter writer;

    private RecordFrameEncoder(RecordProtobufWriteOptions options) {
        if (options.gzip()) {
            throw new IllegalArgumentException("a frame encoder cannot compress: RecordProtobufWriteOptions.gzip() "
                    + "must be false");
        }
        try {
            this.writer = RecordProtobufWriter.open(frame, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // no gzip header to write: cannot happen
        }
    }

    /**
     * An encoder writing records as a {@link RecordProtobufWriter} with {@code options} would.
     *
     * @param options keys, label type, row layout and type (for {@link #row}), framing; {@code gzip()} must be false
     * @return a new encoder
     * @throws IllegalArgumentException if {@code options.gzip()} is true
     */
    public static RecordFrameEncoder of(RecordProtobufWriteOptions options) {
        return new RecordFrameEncoder(Objects.requireNonNull(options, "options"));
    }

    /**
     * A dense float32 row, {@code row[off, off+len)}, as a Float32Tensor.
     *
     * @param row      array holding the feature values; read during the call only
     * @param off      index in {@code row} of the first value
     * @param len      number of values
     * @param hasLabel whether to write {@code label}
     * @param label    the label, as one value of {@link RecordProtobufWriteOptions#labelType()}; ignored without
     *                 {@code hasLabel}
     * @return the frame's length in {@link #buffer()}
     * @throws IllegalArgumentException if the record is refused (see the class comment)
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code row}
     */
    public int dense(float[] row, int off, int len, boolean hasLabel, double label) {
        begin();
        try {
            if (hasLabel) {
                writer.writeDense(row, off, len, label);
            } else {
                writer.writeDense(row, off, len);
            }
        } catch (IOException e) {
            throw cannotHappen(e);
        }
        return end();
    }

    /**
     * A dense float64 row as a Float64Tensor.
     *
     * @param row      array holding the feature values; read during the call only
     * @param off      index in {@code row} of the first value
     * @param len      number of values
     * @param hasLabel whether to write {@code label}
     * @param label    the label; ignored without {@code hasLabel}
     * @return the frame's length in {@link #buffer()}
     * @throws IllegalArgumentException if the record is refused
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code row}
     */
    public int dense(double[] row, int off, int len, boolean hasLabel, double label) {
        begin();
        try {
            if (hasLabel) {
                writer.writeDense(row, off, len, label);
            } else {
                writer.writeDense(row, off, len);
            }
        } catch (IOException e) {
            throw cannotHappen(e);
        }
        return end();
    }

    /**
     * A dense int32 row as an Int32Tensor.
     *
     * @param row      array holding the feature values; read during the call only
     * @param off      index in {@code row} of the first value
     * @param len      number of values
     * @param hasLabel whether to write {@code label}
     * @param label    the label; ignored without {@code hasLabel}
     * @return the frame's length in {@link #buffer()}
     * @throws IllegalArgumentException if the record is refused
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code row}
     */
    public int dense(int[] row, int off, int len, boolean hasLabel, double label) {
        begin();
        try {
            if (hasLabel) {
                writer.writeDense(row, off, len, label);
            } else {
                writer.writeDense(row, off, len);
            }
        } catch (IOException e) {
            throw cannotHappen(e);
        }
        return end();
    }

    /**
     * A sparse float32 row: keys {@code keys[off, off+nnz)} in the given order, values as a Float32Tensor,
     * {@code shape = [dimension]}.
     *
     * @param dimension the row's dimension ({@code > 0})
     * @param keys      array holding the non-negative feature indices; read during the call only
     * @param values    array holding the values, parallel to {@code keys}; read during the call only
     * @param off       index of the first pair in both arrays
     * @param nnz       number of pairs
     * @param hasLabel  whether to write {@code label}
     * @param label     the label; ignored without {@code hasLabel}
     * @return the frame's length in {@link #buffer()}
     * @throws IllegalArgumentException if the record is refused
     * @throws IndexOutOfBoundsException if {@code [off, off+nnz)} is not within both arrays
     */
    public int sparse(long dimension, int[] keys, float[] values, int off, int nnz, boolean hasLabel, double label) {
        begin();
        try {
            if (hasLabel) {
                writer.writeSparse(dimension, keys, values, off, nnz, label);
            } else {
                writer.writeSparse(dimension, keys, values, off, nnz);
            }
        } catch (IOException e) {
            throw cannotHappen(e);
        }
        return end();
    }

    /**
     * A sparse float64 row, values as a Float64Tensor.
     *
     * @param dimension the row's dimension ({@code > 0})
     * @param keys      array holding the non-negative feature indices; read during the call only
     * @param values    array holding the values, parallel to {@code keys}; read during the call only
     * @param off       index of the first pair in both arrays
     * @param nnz       number of pairs
     * @param hasLabel  whether to write {@code label}
     * @param label     the label; ignored without {@code hasLabel}
     * @return the frame's length in {@link #buffer()}
     * @throws IllegalArgumentException if the record is refused
     * @throws IndexOutOfBoundsException if {@code [off, off+nnz)} is not within both arrays
     */
    public int sparse(long dimension, int[] keys, double[] values, int off, int nnz, boolean hasLabel, double label) {
        begin();
        try {
            if (hasLabel) {
                writer.writeSparse(dimension, keys, values, off, nnz, label);
            } else {
                writer.writeSparse(dimension, keys, values, off, nnz);
            }
        } catch (IOException e) {
            throw cannotHappen(e);
        }
        return end();
    }

    /**
     * A labelled row, laid out and typed by the options as {@link RecordProtobufWriter#writeRow} does.
     *
     * @param row the row; read during the call only
     * @return the frame's length in {@link #buffer()}
     * @throws IllegalArgumentException if the row is refused (label list, weight, qid, unknown dimension, ...)
     */
    public int row(LabeledRow row) {
        begin();
        try {
            writer.writeRow(row);
        } catch (IOException e) {
            throw cannotHappen(e);
        }
        return end();
    }

    /**
     * The last frame: bytes {@code [0, length())}.
     *
     * @return the encoder's own array (not a copy); valid until the next call, which may replace it
     */
    public byte[] buffer() {
        return frame.bytes;
    }

    /**
     * Length of the last frame (0 after a refused record).
     *
     * @return the number of bytes of the frame in {@link #buffer()}
     */
    public int length() {
        return frame.length;
    }

    /**
     * A copy of the last frame, sized exactly.
     *
     * @return a new array holding {@code buffer()[0, length())}
     */
    public byte[] toByteArray() {
        return Arrays.copyOf(frame.bytes, frame.length);
    }

    private void begin() {
        frame.length = 0;
    }

    private int end() {
        try {
            writer.flush(); // the writer's buffer holds exactly this record's frame: it lands in `frame`
        } catch (IOException e) {
            throw cannotHappen(e);
        }
        return frame.length;
    }

    private static UncheckedIOException cannotHappen(IOException e) {
        return new UncheckedIOException("in-memory frame output failed", e);
    }

    /** Collects what the writer flushes, in an array that grows to the largest frame and is then reused. */
    private static final class Frame extends OutputStream {
        byte[] bytes = new byte[256];
        int length;

        @Override
        public void write(int b) {
            room(1);
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, bytes, length, len);
            length += len;
        }

        private void room(int n) {
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
            }
        }
    }
}
