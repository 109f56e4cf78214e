package io.mlformats.recordio.protobuf;

import static io.mlformats.recordio.internal.ProtoWire.int32Size;
import static io.mlformats.recordio.internal.ProtoWire.varintSize;
import static io.mlformats.recordio.internal.ProtoWire.writeVarint;

import io.mlformats.core.RecordWriter;
import io.mlformats.core.TabularWriter;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.recordio.RecordIoFormat;
import io.mlformats.recordio.RecordIoWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes SageMaker RecordIO-protobuf: one {@code aialgs.data.Record} per RecordIO record, encoded straight into
 * the output buffer (no message objects).
 *
 * <p>Rows come out byte for byte as the SageMaker Python SDK writes them: {@link #writeDense} like
 * {@code write_numpy_to_dense_tensor} ({@code features["values"]} = the row, no keys, no shape; label
 * {@code label["values"]} = one value of {@link RecordProtobufWriteOptions#labelType()}), {@link #writeSparse} like
 * {@code write_spmatrix_to_sparse_tensor} (values, keys in the given order, {@code shape = [dimension]}; an empty
 * row is a tensor with only the shape). Feature type follows the array: {@code float[]} → Float32Tensor,
 * {@code double[]} → Float64Tensor, {@code int[]} → Int32Tensor. Any record can be re-encoded from a
 * {@link RecordView} ({@link #write(RecordView)}); protobuf-java messages are written with
 * {@link RecordMessages#write(RecordProtobufWriter, io.mlformats.recordio.protobuf.generated.RecordProtos.Record)}.
 *
 * <p>This class never touches protobuf-java, so it works whatever protobuf version a host puts on the class path
 * (Spark 3.5 ships 3.19, which the generated classes of protobuf 4 cannot run on).
 *
 * <p>Lifecycle ({@link RecordWriter}): opened on a {@link Path}, the file appears only when {@link #commit()}
 * succeeds; {@link #close()} without commit discards it and leaves a file already at the target untouched. A
 * caller's stream is never closed. Not thread-safe.
 */
public final class RecordProtobufWriter implements TabularWriter<RecordView> {
    private final RecordIoWriter out;
    private final RecordEncoder enc = new RecordEncoder();
    private final TensorType labelType;
    private final byte[] featureKey;
    private final byte[] labelKey;
    private final RowWriting rows;

    private RecordProtobufWriter(RecordIoWriter out, RecordProtobufWriteOptions options) {
        this.out = out;
        this.labelType = options.labelType();
        this.featureKey = options.featureKey().getBytes(StandardCharsets.UTF_8);
        this.labelKey = options.labelKey().getBytes(StandardCharsets.UTF_8);
        this.rows = new RowWriting(this, options);
    }

    /**
     * Writes {@code file} with default options: a hidden temporary sibling, renamed over {@code file} by
     * {@link #commit()}. As {@code open(Path, ...)}: the writer creates the file and publishes or deletes it.
     *
     * @param file path of the RecordIO-protobuf file to create or replace on commit
     * @return a writer positioned at offset 0, owning the temporary file
     * @throws IOException if the temporary file cannot be created
     */
    public static RecordProtobufWriter open(Path file) throws IOException {
        return open(file, RecordProtobufWriteOptions.defaults());
    }

    /**
     * Writes {@code file}: a hidden temporary sibling, renamed over {@code file} by {@link #commit()} (gzip when
     * {@link RecordProtobufWriteOptions#gzip()}). The writer creates the file and publishes or deletes it.
     *
     * @param file    path of the RecordIO-protobuf file to create or replace on commit
     * @param options writer options (tensor keys and types, row layout, framing, gzip)
     * @return a writer positioned at offset 0, owning the temporary file
     * @throws IOException if the temporary file cannot be created or the gzip header cannot be written
     */
    public static RecordProtobufWriter open(Path file, RecordProtobufWriteOptions options) throws IOException {
        return new RecordProtobufWriter(RecordIoWriter.open(file, options.framing()), options);
    }

    /**
     * Writes to {@code out}; {@link #commit()} finishes the format (gzip trailer when asked for) and flushes
     * {@code out}, {@link #close()} without commit leaves it unfinished. The caller owns {@code out}; the writer
     * never closes it.
     *
     * @param out     stream to write to; stays open after the writer is committed or closed
     * @param options writer options (tensor keys and types, row layout, framing, gzip)
     * @return a writer whose {@link #position()} counts from 0 at the current end of {@code out}
     * @throws IOException if the gzip header cannot be written to {@code out}
     */
    public static RecordProtobufWriter open(OutputStream out, RecordProtobufWriteOptions options) throws IOException {
        return new RecordProtobufWriter(RecordIoWriter.open(out, options.framing()), options);
    }

    // ---------------------------------------------------------------- labelled rows

    /**
     * Writes a labelled feature row as the SageMaker Python SDK writes the same matrix row: a dense row as
     * {@link #writeDense}, a sparse row as {@link #writeSparse} with {@code shape = [dimension]} (the row's
     * dimension, else {@link RecordProtobufWriteOptions#numFeatures()}); {@link RecordProtobufWriteOptions#rowLayout()}
     * and {@link RecordProtobufWriteOptions#rowType()} change the layout (absent sparse entries are 0; zeros of
     * dense rows written sparse are left out) and the value type. One label or none; the label tensor has
     * {@link RecordProtobufWriteOptions#labelType()}. The row is read during the call only.
     *
     * @throws IllegalArgumentException for a label list, a weight or a qid (the format has no place for them), a
     *                                  sparse row without a known dimension, or an index beyond it; nothing is
     *                                  written and the writer stays usable
     */
    @Override
    public void writeRow(LabeledRow row) throws IOException {
        rows.write(row);
    }

    // ---------------------------------------------------------------- dense rows

    /**
     * A dense float32 row without label.
     *
     * @param row the feature values, written as a Float32Tensor; read during the call only
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IllegalArgumentException if the record exceeds 2^29 - 1 bytes
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeDense(float[] row) throws IOException {
        dense32(row, 0, row.length, false, 0);
    }

    /**
     * A dense float32 row with a label of the configured label type.
     *
     * @param row   the feature values, written as a Float32Tensor; read during the call only
     * @param label the label, written as one value of {@link RecordProtobufWriteOptions#labelType()}
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IllegalArgumentException if the record exceeds 2^29 - 1 bytes, or the label type is INT32 and
     *                                  {@code label} is not an int32 value
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeDense(float[] row, double label) throws IOException {
        dense32(row, 0, row.length, true, label);
    }

    /**
     * {@code row[off, off+len)} as a dense float32 row without label.
     *
     * @param row array holding the feature values, written as a Float32Tensor; read during the call only
     * @param off index in {@code row} of the first feature value
     * @param len number of feature values
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code row}
     * @throws IllegalArgumentException if the record exceeds 2^29 - 1 bytes
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeDense(float[] row, int off, int len) throws IOException {
        dense32(row, off, len, false, 0);
    }

    /**
     * {@code row[off, off+len)} as a dense float32 row with a label.
     *
     * @param row   array holding the feature values, written as a Float32Tensor; read during the call only
     * @param off   index in {@code row} of the first feature value
     * @param len   number of feature values
     * @param label the label, written as one value of {@link RecordProtobufWriteOptions#labelType()}
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code row}
     * @throws IllegalArgumentException if the record exceeds 2^29 - 1 bytes, or the label type is INT32 and
     *                                  {@code label} is not an int32 value
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeDense(float[] row, int off, int len, double label) throws IOException {
        dense32(row, off, len, true, label);
    }

    /**
     * A dense float64 row without label.
     *
     * @param row the feature values, written as a Float64Tensor; read during the call only
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IllegalArgumentException if the record exceeds 2^29 - 1 bytes
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeDense(double[] row) throws IOException {
        dense64(row, 0, row.length, false, 0);
    }

    /**
     * A dense float64 row with a label.
     *
     * @param row   the feature values, written as a Float64Tensor; read during the call only
     * @param label the label, written as one value of {@link RecordProtobufWriteOptions#labelType()}
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IllegalArgumentException if the record exceeds 2^29 - 1 bytes, or the label type is INT32 and
     *                                  {@code label} is not an int32 value
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeDense(double[] row, double label) throws IOException {
        dense64(row, 0, row.length, true, label);
    }

    /**
     * {@code row[off, off+len)} as a dense float64 row without label.
     *
     * @param row array holding the feature values, written as a Float64Tensor; read during the call only
     * @param off index in {@code row} of the first feature value
     * @param len number of feature values
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code row}
     * @throws IllegalArgumentException if the record exceeds 2^29 - 1 bytes
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeDense(double[] row, int off, int len) throws IOException {
        dense64(row, off, len, false, 0);
    }

    /**
     * {@code row[off, off+len)} as a dense float64 row with a label.
     *
     * @param row   array holding the feature values, written as a Float64Tensor; read during the call only
     * @param off   index in {@code row} of the first feature value
     * @param len   number of feature values
     * @param label the label, written as one value of {@link RecordProtobufWriteOptions#labelType()}
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code row}
     * @throws IllegalArgumentException if the record exceeds 2^29 - 1 bytes, or the label type is INT32 and
     *                                  {@code label} is not an int32 value
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeDense(double[] row, int off, int len, double label) throws IOException {
        dense64(row, off, len, true, label);
    }

    /**
     * A dense int32 row without label.
     *
     * @param row the feature values, written as a Int32Tensor; read during the call only
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IllegalArgumentException if the record exceeds 2^29 - 1 bytes
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeDense(int[] row) throws IOException {
        dense32i(row, 0, row.length, false, 0);
    }

    /**
     * A dense int32 row with a label.
     *
     * @param row   the feature values, written as a Int32Tensor; read during the call only
     * @param label the label, written as one value of {@link RecordProtobufWriteOptions#labelType()}
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IllegalArgumentException if the record exceeds 2^29 - 1 bytes, or the label type is INT32 and
     *                                  {@code label} is not an int32 value
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeDense(int[] row, double label) throws IOException {
        dense32i(row, 0, row.length, true, label);
    }

    /**
     * {@code row[off, off+len)} as a dense int32 row without label.
     *
     * @param row array holding the feature values, written as a Int32Tensor; read during the call only
     * @param off index in {@code row} of the first feature value
     * @param len number of feature values
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code row}
     * @throws IllegalArgumentException if the record exceeds 2^29 - 1 bytes
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeDense(int[] row, int off, int len) throws IOException {
        dense32i(row, off, len, false, 0);
    }

    /**
     * {@code row[off, off+len)} as a dense int32 row with a label.
     *
     * @param row   array holding the feature values, written as a Int32Tensor; read during the call only
     * @param off   index in {@code row} of the first feature value
     * @param len   number of feature values
     * @param label the label, written as one value of {@link RecordProtobufWriteOptions#labelType()}
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code row}
     * @throws IllegalArgumentException if the record exceeds 2^29 - 1 bytes, or the label type is INT32 and
     *                                  {@code label} is not an int32 value
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeDense(int[] row, int off, int len, double label) throws IOException {
        dense32i(row, off, len, true, label);
    }

    private void dense32(float[] v, int off, int n, boolean hasLabel, double label) throws IOException {
        Objects.checkFromIndexSize(off, n, v.length);
        int body = (int) check(RecordEncoder.packedSize(4L * n));
        int total = payload(body, hasLabel, label);
        int p = out.beginRecord(total);
        byte[] b = out.buffer();
        p = RecordEncoder.entryHead(b, p, RecordEncoder.TAG_FEATURES, featureKey, 0x12, body);
        if (n > 0) {
            b[p++] = 0x0A;
            p = writeVarint(b, p, 4 * n);
            p = enc.putFloats(b, p, v, off, n);
        }
        finish(b, p, hasLabel, label);
    }

    private void dense64(double[] v, int off, int n, boolean hasLabel, double label) throws IOException {
        Objects.checkFromIndexSize(off, n, v.length);
        int body = (int) check(RecordEncoder.packedSize(8L * n));
        int total = payload(body, hasLabel, label);
        int p = out.beginRecord(total);
        byte[] b = out.buffer();
        p = RecordEncoder.entryHead(b, p, RecordEncoder.TAG_FEATURES, featureKey, 0x1A, body);
        if (n > 0) {
            b[p++] = 0x0A;
            p = writeVarint(b, p, 8 * n);
            p = enc.putDoubles(b, p, v, off, n);
        }
        finish(b, p, hasLabel, label);
    }

    private void dense32i(int[] v, int off, int n, boolean hasLabel, double label) throws IOException {
        Objects.checkFromIndexSize(off, n, v.length);
        long vb = 0;
        for (int i = 0; i < n; i++) {
            vb += int32Size(v[off + i]);
        }
        int body = (int) check(RecordEncoder.packedSize(vb));
        int total = payload(body, hasLabel, label);
        int p = out.beginRecord(total);
        byte[] b = out.buffer();
        p = RecordEncoder.entryHead(b, p, RecordEncoder.TAG_FEATURES, featureKey, 0x3A, body);
        if (n > 0) {
            b[p++] = 0x0A;
            p = writeVarint(b, p, vb);
            for (int i = 0; i < n; i++) {
                p = RecordEncoder.putInt32(b, p, v[off + i]);
            }
        }
        finish(b, p, hasLabel, label);
    }

    // ---------------------------------------------------------------- sparse rows

    /**
     * A sparse row: {@code vector}'s indices as keys (in stored order), its values as a float32 or float64
     * tensor by the vector's type, {@code shape = [vector.dimension()]}. No label.
     *
     * @param vector the sparse feature row; read during the call only
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IllegalArgumentException if the vector's dimension is not positive, or the record exceeds 2^29 - 1
     *                                  bytes
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeSparse(SparseVector vector) throws IOException {
        sparse(vector, false, 0);
    }

    /**
     * A sparse row with a label.
     *
     * @param vector the sparse feature row, encoded as {@link #writeSparse(SparseVector)} does; read during the call
     *               only
     * @param label  the label, written as one value of {@link RecordProtobufWriteOptions#labelType()}
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IllegalArgumentException if the vector's dimension is not positive, the record exceeds 2^29 - 1
     *                                  bytes, or the label type is INT32 and {@code label} is not an int32 value
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeSparse(SparseVector vector, double label) throws IOException {
        sparse(vector, true, label);
    }

    private void sparse(SparseVector v, boolean hasLabel, double label) throws IOException {
        if (v.type() == ValueType.FLOAT32) {
            sparse32(v.dimension(), v.indices(), v.floatValues(), 0, v.nnz(), hasLabel, label);
        } else {
            sparse64(v.dimension(), v.indices(), v.doubleValues(), 0, v.nnz(), hasLabel, label);
        }
    }

    /**
     * Pairs {@code keys[off+i], values[off+i]}, {@code i < nnz}, as a float32 sparse row of {@code dimension}.
     *
     * @param dimension the row's dimension, written as {@code shape = [dimension]} ({@code > 0})
     * @param keys      array holding the non-negative feature indices, written in the given order; read during the
     *                  call only
     * @param values    array holding the values, parallel to {@code keys}; read during the call only
     * @param off       index in {@code keys} and {@code values} of the first pair
     * @param nnz       number of pairs
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IndexOutOfBoundsException if {@code [off, off+nnz)} is not within {@code keys} and {@code values}
     * @throws IllegalArgumentException if {@code dimension <= 0}, a key is negative, or the record exceeds
     *                                  2^29 - 1 bytes
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeSparse(long dimension, int[] keys, float[] values, int off, int nnz) throws IOException {
        sparse32(dimension, keys, values, off, nnz, false, 0);
    }

    /**
     * As {@link #writeSparse(long, int[], float[], int, int)}, with a label.
     *
     * @param dimension the row's dimension, written as {@code shape = [dimension]} ({@code > 0})
     * @param keys      array holding the non-negative feature indices, written in the given order; read during the
     *                  call only
     * @param values    array holding the float32 values, parallel to {@code keys}; read during the call only
     * @param off       index in {@code keys} and {@code values} of the first pair
     * @param nnz       number of pairs
     * @param label     the label, written as one value of {@link RecordProtobufWriteOptions#labelType()}
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IndexOutOfBoundsException if {@code [off, off+nnz)} is not within {@code keys} and {@code values}
     * @throws IllegalArgumentException if {@code dimension <= 0}, a key is negative, the record exceeds 2^29 - 1
     *                                  bytes, or the label type is INT32 and {@code label} is not an int32 value
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeSparse(long dimension, int[] keys, float[] values, int off, int nnz, double label)
            throws IOException {
        sparse32(dimension, keys, values, off, nnz, true, label);
    }

    /**
     * Pairs as a float64 sparse row.
     *
     * @param dimension the row's dimension, written as {@code shape = [dimension]} ({@code > 0})
     * @param keys      array holding the non-negative feature indices, written in the given order; read during the
     *                  call only
     * @param values    array holding the float64 values, parallel to {@code keys}; read during the call only
     * @param off       index in {@code keys} and {@code values} of the first pair
     * @param nnz       number of pairs
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IndexOutOfBoundsException if {@code [off, off+nnz)} is not within {@code keys} and {@code values}
     * @throws IllegalArgumentException if {@code dimension <= 0}, a key is negative, or the record exceeds
     *                                  2^29 - 1 bytes
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeSparse(long dimension, int[] keys, double[] values, int off, int nnz) throws IOException {
        sparse64(dimension, keys, values, off, nnz, false, 0);
    }

    /**
     * Pairs as a float64 sparse row, with a label.
     *
     * @param dimension the row's dimension, written as {@code shape = [dimension]} ({@code > 0})
     * @param keys      array holding the non-negative feature indices, written in the given order; read during the
     *                  call only
     * @param values    array holding the float64 values, parallel to {@code keys}; read during the call only
     * @param off       index in {@code keys} and {@code values} of the first pair
     * @param nnz       number of pairs
     * @param label     the label, written as one value of {@link RecordProtobufWriteOptions#labelType()}
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IndexOutOfBoundsException if {@code [off, off+nnz)} is not within {@code keys} and {@code values}
     * @throws IllegalArgumentException if {@code dimension <= 0}, a key is negative, the record exceeds 2^29 - 1
     *                                  bytes, or the label type is INT32 and {@code label} is not an int32 value
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeSparse(long dimension, int[] keys, double[] values, int off, int nnz, double label)
            throws IOException {
        sparse64(dimension, keys, values, off, nnz, true, label);
    }

    /**
     * Pairs with unsigned 64-bit keys (e.g. linear indices into a large shape) as a float32 sparse row.
     *
     * @param dimension the row's dimension, written as {@code shape = [dimension]} ({@code > 0})
     * @param keys      array holding the keys, read as unsigned 64-bit values and written in the given order; read
     *                  during the call only
     * @param values    array holding the float32 values, parallel to {@code keys}; read during the call only
     * @param off       index in {@code keys} and {@code values} of the first pair
     * @param nnz       number of pairs
     * @param hasLabel  {@code true} to write {@code label}, {@code false} for a record without label
     * @param label     the label, written as one value of {@link RecordProtobufWriteOptions#labelType()} when
     *                  {@code hasLabel}; ignored otherwise
     * @throws IOException if an earlier write failed or writing to the output fails
     * @throws IndexOutOfBoundsException if {@code [off, off+nnz)} is not within {@code keys} and {@code values}
     * @throws IllegalArgumentException if {@code dimension <= 0}, the record exceeds 2^29 - 1 bytes, or a label of
     *                                  type INT32 is not an int32 value
     * @throws IllegalStateException if the writer is committed, aborted or closed
     */
    public void writeSparse(long dimension, long[] keys, float[] values, int off, int nnz, boolean hasLabel,
            double label) throws IOException {
        Objects.checkFromIndexSize(off, nnz, keys.length);
        Objects.checkFromIndexSize(off, nnz, values.length);
        long kb = 0;
        for (int i = 0; i < nnz; i++) {
            kb += varintSize(keys[off + i]);
        }
        int body = sparseBody(4L * nnz, kb, dimension);
        int total = payload(body, hasLabel, label);
        int p = out.beginRecord(total);
        byte[] b = out.buffer();
        p = RecordEncoder.entryHead(b, p, RecordEncoder.TAG_FEATURES, featureKey, 0x12, body);
        if (nnz > 0) {
            b[p++] = 0x0A;
            p = writeVarint(b, p, 4 * nnz);
            p = enc.putFloats(b, p, values, off, nnz);
            b[p++] = 0x12;
            p = writeVarint(b, p, kb);
            for (int i = 0; i < nnz; i++) {
                p = writeVarint(b, p, keys[off + i]);
            }
        }
        p = shape(b, p, dimension);
        finish(b, p, hasLabel, label);
    }

    private void sparse32(long dim, int[] keys, float[] values, int off, int nnz, boolean hasLabel, double label)
            throws IOException {
        Objects.checkFromIndexSize(off, nnz, keys.length);
        Objects.checkFromIndexSize(off, nnz, values.length);
        long kb = keyBytes(keys, off, nnz);
        int body = sparseBody(4L * nnz, kb, dim);
        int total = payload(body, hasLabel, label);
        int p = out.beginRecord(total);
        byte[] b = out.buffer();
        p = RecordEncoder.entryHead(b, p, RecordEncoder.TAG_FEATURES, featureKey, 0x12, body);
        if (nnz > 0) {
            b[p++] = 0x0A;
            p = writeVarint(b, p, 4 * nnz);
            p = enc.putFloats(b, p, values, off, nnz);
            p = keys(b, p, keys, off, nnz, kb);
        }
        p = shape(b, p, dim);
        finish(b, p, hasLabel, label);
    }

    private void sparse64(long dim, int[] keys, double[] values, int off, int nnz, boolean hasLabel, double label)
            throws IOException {
        Objects.checkFromIndexSize(off, nnz, keys.length);
        Objects.checkFromIndexSize(off, nnz, values.length);
        long kb = keyBytes(keys, off, nnz);
        int body = sparseBody(8L * nnz, kb, dim);
        int total = payload(body, hasLabel, label);
        int p = out.beginRecord(total);
        byte[] b = out.buffer();
        p = RecordEncoder.entryHead(b, p, RecordEncoder.TAG_FEATURES, featureKey, 0x1A, body);
        if (nnz > 0) {
            b[p++] = 0x0A;
            p = writeVarint(b, p, 8 * nnz);
            p = enc.putDoubles(b, p, values, off, nnz);
            p = keys(b, p, keys, off, nnz, kb);
        }
        p = shape(b, p, dim);
        finish(b, p, hasLabel, label);
    }

    private static long keyBytes(int[] keys, int off, int nnz) {
        long kb = 0;
        for (int i = 0; i < nnz; i++) {
            int k = keys[off + i];
            if (k < 0) {
                throw new IllegalArgumentException("negative sparse key " + k + " at " + (off + i));
            }
            kb += varintSize(k);
        }
        return kb;
    }

    private static int sparseBody(long valueBytes, long keyBytes, long dim) {
        if (dim <= 0) {
            throw new IllegalArgumentException("a sparse row needs its dimension (shape), got " + dim);
        }
        return (int) check(RecordEncoder.packedSize(valueBytes) + RecordEncoder.packedSize(keyBytes)
                + 1 + 1 + varintSize(dim));
    }

    private static int keys(byte[] b, int p, int[] keys, int off, int nnz, long kb) {
        b[p++] = 0x12;
        p = writeVarint(b, p, kb);
        for (int i = 0; i < nnz; i++) {
            p = writeVarint(b, p, keys[off + i]);
        }
        return p;
    }

    private static int shape(byte[] b, int p, long dim) {
        b[p++] = 0x1A;
        p = writeVarint(b, p, varintSize(dim));
        return writeVarint(b, p, dim);
    }

    // ---------------------------------------------------------------- labels and framing

    private int payload(int featureBody, boolean hasLabel, double label) {
        long total = RecordEncoder.entryFieldSize(featureKey.length, featureBody, true);
        if (hasLabel) {
            total += RecordEncoder.entryFieldSize(labelKey.length, labelBody(label), true);
        }
        return (int) check(total);
    }

    private int labelBody(double label) {
        switch (labelType) {
            case FLOAT32:
                return 6;
            case FLOAT64:
                return 10;
            default:
                return 2 + int32Size(intLabel(label));
        }
    }

    private static int intLabel(double label) {
        int v = (int) label;
        if (v != label) {
            throw new IllegalArgumentException("label " + label + " is not an int32 (labelType INT32)");
        }
        return v;
    }

    private void finish(byte[] b, int p, boolean hasLabel, double label) throws IOException {
        if (hasLabel) {
            int body = labelBody(label);
            p = RecordEncoder.entryHead(b, p, RecordEncoder.TAG_LABEL, labelKey, RecordEncoder.valueTag(labelType), body);
            b[p++] = 0x0A;
            switch (labelType) {
                case FLOAT32:
                    b[p++] = 4;
                    RecordEncoder.putFloat(b, p, (float) label);
                    break;
                case FLOAT64:
                    b[p++] = 8;
                    RecordEncoder.putDouble(b, p, label);
                    break;
                default:
                    int v = intLabel(label);
                    b[p++] = (byte) int32Size(v);
                    RecordEncoder.putInt32(b, p, v);
            }
        }
        out.endRecord();
    }

    static long check(long size) {
        if (size > RecordIoFormat.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("record of " + size + " bytes exceeds the RecordIO limit of 2^29 - 1");
        }
        return size;
    }

    // ---------------------------------------------------------------- whole records

    /** Re-encodes a decoded record (canonical protobuf-java layout; unknown fields are not kept). */
    @Override
    public void write(RecordView record) throws IOException {
        int total = (int) check(RecordEncoder.recordSize(record));
        int p = out.beginRecord(total);
        int end = enc.writeRecord(out.buffer(), p, record);
        if (end != p + total) {
            throw new IllegalStateException("encoder wrote " + (end - p) + " bytes, sized " + total);
        }
        out.endRecord();
    }

    /** The framing writer, for {@link RecordMessages}' interop path (kept out of this class on purpose). */
    RecordIoWriter framing() {
        return out;
    }

    /**
     * Bytes written so far (offset of the next record).
     *
     * @return the uncompressed byte count written, including buffered bytes, headers and padding
     */
    public long position() {
        return out.position();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Discards the output (a file target is left untouched); idempotent; a no-op after {@link #commit()}. */
    @Override
    public void abort() {
        out.abort();
    }

    /** Finishes and publishes the output; see {@link RecordIoWriter#commit()}. */
    @Override
    public void commit() throws IOException {
        out.commit();
    }

    /** Aborts unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        out.close();
    }
}
