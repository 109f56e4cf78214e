package io.mlformats.recordio.protobuf;

import io.mlformats.core.FormatException;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Whole-matrix helpers: the SageMaker SDK's {@code write_numpy_to_dense_tensor} and
 * {@code write_spmatrix_to_sparse_tensor} for Java arrays, and loading a file back into a {@link CsrMatrix}.
 * Stateless; thread-safe.
 */
public final class RecordProtobufMatrices {
    private RecordProtobufMatrices() {
    }

    /**
     * Writes one dense float32 record per row, with {@code labels[i]} (of the writer's label type) when
     * {@code labels} is not null. Byte-identical to the SDK for the same float32 arrays.
     *
     * @param w      the writer to append the records to; not committed or closed here
     * @param rows   the feature rows, one record each, in order; read during the call only
     * @param labels one label per row, or {@code null} for records without label
     * @throws IOException if writing to {@code w}'s output fails
     * @throws IllegalArgumentException if {@code labels} and {@code rows} differ in length (nothing is written),
     *                                  or a label does not fit the writer's label type
     */
    public static void writeDense(RecordProtobufWriter w, float[][] rows, double[] labels) throws IOException {
        checkLabels(rows.length, labels);
        for (int i = 0; i < rows.length; i++) {
            if (labels == null) {
                w.writeDense(rows[i]);
            } else {
                w.writeDense(rows[i], labels[i]);
            }
        }
    }

    /**
     * As {@link #writeDense(RecordProtobufWriter, float[][], double[])} with float64 features.
     *
     * @param w      the writer to append the records to; not committed or closed here
     * @param rows   the feature rows, written as Float64Tensors, one record each, in order; read during the call only
     * @param labels one label per row, or {@code null} for records without label
     * @throws IOException if writing to {@code w}'s output fails
     * @throws IllegalArgumentException if {@code labels} and {@code rows} differ in length (nothing is written),
     *                                  or a label does not fit the writer's label type
     */
    public static void writeDense(RecordProtobufWriter w, double[][] rows, double[] labels) throws IOException {
        checkLabels(rows.length, labels);
        for (int i = 0; i < rows.length; i++) {
            if (labels == null) {
                w.writeDense(rows[i]);
            } else {
                w.writeDense(rows[i], labels[i]);
            }
        }
    }

    /**
     * Writes a dense float32 matrix with float32 labels (or none) to {@code target}, atomically.
     *
     * @param target path of the file to create or replace, with default writer options
     * @param rows   the feature rows, one record each, in order
     * @param labels one label per row, or {@code null} for records without label
     * @throws IOException if the file cannot be written or published (a file already there is then untouched)
     * @throws IllegalArgumentException if {@code labels} and {@code rows} differ in length
     */
    public static void writeDense(Path target, float[][] rows, float[] labels) throws IOException {
        double[] l = null;
        if (labels != null) {
            l = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                l[i] = labels[i];
            }
        }
        try (RecordProtobufWriter w = RecordProtobufWriter.open(target)) {
            writeDense(w, rows, l);
            w.commit();
        }
    }

    /**
     * Writes one sparse record per row of {@code m} (keys in stored order, {@code shape = [m.numCols()]}), with the
     * matrix's labels when {@code withLabels}. Value type follows the matrix.
     *
     * @param w          the writer to append the records to; not committed or closed here
     * @param m          the matrix to write, one record per row
     * @param withLabels {@code true} to write each row's label from {@link CsrMatrix#labels()}
     * @throws IOException if writing to {@code w}'s output fails
     */
    public static void writeCsr(RecordProtobufWriter w, CsrMatrix m, boolean withLabels) throws IOException {
        long[] indptr = m.indptr();
        for (int r = 0; r < m.numRows(); r++) {
            int from = (int) indptr[r];
            int nnz = (int) (indptr[r + 1] - from);
            if (m.valueType() == ValueType.FLOAT32) {
                if (withLabels) {
                    w.writeSparse(m.numCols(), m.indices(), m.floatValues(), from, nnz, m.labels()[r]);
                } else {
                    w.writeSparse(m.numCols(), m.indices(), m.floatValues(), from, nnz);
                }
            } else if (withLabels) {
                w.writeSparse(m.numCols(), m.indices(), m.doubleValues(), from, nnz, m.labels()[r]);
            } else {
                w.writeSparse(m.numCols(), m.indices(), m.doubleValues(), from, nnz);
            }
        }
    }

    /**
     * Writes {@code m} with its labels to {@code target}, atomically.
     *
     * @param target path of the file to create or replace, with default writer options
     * @param m      the matrix to write, one record per row
     * @throws IOException if the file cannot be written or published (a file already there is then untouched)
     */
    public static void writeCsr(Path target, CsrMatrix m) throws IOException {
        try (RecordProtobufWriter w = RecordProtobufWriter.open(target)) {
            writeCsr(w, m, true);
            w.commit();
        }
    }

    /**
     * Loads a file into a float32 {@link CsrMatrix}; see {@link #readCsr(RecordProtobufReader, ValueType)}.
     *
     * @param file path of a RecordIO-protobuf file, read with default (strict) options
     * @return a new matrix holding every record as a row
     * @throws FormatException if a record is damaged or has no numeric {@code features["values"]} tensor
     * @throws IOException if the file cannot be read
     */
    public static CsrMatrix readCsr(Path file) throws IOException {
        try (RecordProtobufReader r = RecordProtobufReader.open(file)) {
            return readCsr(r, ValueType.FLOAT32);
        }
    }

    /**
     * Loads every record's {@code features["values"]} as a CSR row: sparse tensors by their keys (which must be
     * below 2^31 and, for a multi-dimensional shape, index a flattened row), dense tensors as all their values
     * at columns {@code 0..n-1} (zeros kept, so {@code -0.0} survives). The label is {@code label["values"]}:
     * one value, or several as a multi-label row; NaN when absent. {@code numCols} is the largest sparse
     * {@code shape[0]...} product or dense length.
     *
     * @param reader a reader positioned before the records to load; read to its end, not closed
     * @param type   value type of the matrix ({@link ValueType#FLOAT32} narrows float64 and int32 values)
     * @return a new matrix holding every remaining record as a row
     * @throws FormatException if a record is damaged, has no numeric {@code features["values"]} tensor, or has a
     *                         sparse key beyond 2^31-1
     * @throws IOException if the input cannot be read
     */
    public static CsrMatrix readCsr(RecordProtobufReader reader, ValueType type) throws IOException {
        CsrMatrix.Builder b = CsrMatrix.builder(type);
        SparseVector row = SparseVector.of(type, 64);
        double[] labels = new double[4];
        long cols = 0;
        boolean multi = false;
        while (reader.next()) {
            RecordView rec = reader.current();
            TensorView f = rec.features();
            row.clear();
            if (f == null || f.type() == TensorType.BYTES) {
                throw new FormatException(reader.position(), "no numeric features['values'] tensor");
            }
            if (f.type() != TensorType.NONE) {
                if (f.isSparse()) {
                    long dim = 1;
                    for (int d = 0; d < f.shapeSize(); d++) {
                        dim *= f.shape(d);
                    }
                    cols = Math.max(cols, dim);
                    for (int k = 0; k < f.keyCount(); k++) {
                        long key = f.key(k);
                        if (key < 0 || key > Integer.MAX_VALUE) {
                            throw new FormatException(reader.position(), "sparse key " + Long.toUnsignedString(key)
                                    + " does not fit a CsrMatrix column index (int)");
                        }
                        append(row, type, (int) key, f, k);
                    }
                } else {
                    cols = Math.max(cols, f.size());
                    for (int k = 0; k < f.size(); k++) {
                        append(row, type, k, f, k);
                    }
                }
            }
            TensorView l = rec.label();
            int nl = l == null || l.type() == TensorType.NONE || l.type() == TensorType.BYTES ? 0 : l.size();
            if (nl > 1 && !multi) {
                multi = true;
            }
            if (labels.length < nl) {
                labels = new double[nl];
            }
            for (int k = 0; k < nl; k++) {
                labels[k] = l.value(k);
            }
            if (multi) {
                b.addMultiLabelRow(row, labels, nl, Double.NaN, false, 0, false);
            } else {
                b.addRow(row, nl == 1 ? labels[0] : Double.NaN);
            }
        }
        return b.numCols(cols).build();
    }

    private static void append(SparseVector row, ValueType type, int col, TensorView f, int k) {
        if (type == ValueType.FLOAT32) {
            row.append(col, f.type() == TensorType.FLOAT32 ? f.float32(k) : (float) f.value(k));
        } else {
            row.append(col, f.value(k));
        }
    }

    private static void checkLabels(int rows, double[] labels) {
        if (labels != null && labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        }
    }

}
