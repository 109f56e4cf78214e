package io.mlformats.spark.libsvm;

import io.mlformats.core.FormatException;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.libsvm.IndexBase;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmReader;
import io.mlformats.libsvm.LibSvmRow;
import io.mlformats.spark.internal.FileReaderFunction;
import io.mlformats.spark.internal.RowSource;
import io.mlformats.spark.internal.SerializableConfiguration;
import io.mlformats.spark.internal.SplitInput;
import io.mlformats.spark.internal.VectorValues;
import java.io.IOException;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The reader function of {@code sagemaker-libsvm}: one library {@link LibSvmReader} per split (the lines that
 * start in its byte range; a compressed file whole), rows built into one reused {@link GenericInternalRow} with
 * only the columns the query needs. Immutable and serializable; built on the driver.
 */
final class LibSvmRows extends FileReaderFunction {
    private static final long serialVersionUID = 1L;

    /** What each column of the required schema holds. */
    enum Column { LABEL, LABELS, FEATURES, WEIGHT, QID, CORRUPT }

    private final LibSvmOptions options;
    private final IndexBase base;
    private final int numFeatures;
    private final Column[] columns;
    private final SerializableConfiguration conf;

    LibSvmRows(LibSvmOptions options, IndexBase base, int numFeatures, Column[] columns,
            SerializableConfiguration conf) {
        this.options = options;
        this.base = base;
        this.numFeatures = numFeatures;
        this.columns = columns;
        this.conf = conf;
    }

    @Override
    protected RowSource open(PartitionedFile file) throws IOException {
        LibSvmReadOptions read = options.library(base, numFeatures);
        SplitInput in = SplitInput.open(file, conf.get(), read.read().limits());
        try {
            LibSvmReader reader = in.isStream() ? LibSvmReader.open(in.stream(), read)
                    : LibSvmReader.open(in.seekable(), in.range(), read);
            return new Source(in, reader);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** One task's rows. Not thread-safe. */
    private final class Source implements RowSource {
        private final SplitInput input;
        private final LibSvmReader reader;
        private final GenericInternalRow out = new GenericInternalRow(columns.length);
        private final VectorValues vectors = new VectorValues();
        /** Whether rows need no parsing: no column is read, and no bad line may be dropped. */
        private final boolean walkOnly;
        private final boolean permissive;
        private double[] dense;
        private double[] labels = new double[4];

        Source(SplitInput input, LibSvmReader reader) {
            this.input = input;
            this.reader = reader;
            this.walkOnly = columns.length == 0 && options.mode != LibSvmOptions.Mode.DROPMALFORMED;
            this.permissive = options.mode == LibSvmOptions.Mode.PERMISSIVE;
            if (options.dense) {
                dense = new double[numFeatures];
            }
        }

        @Override
        public InternalRow next() throws IOException {
            if (walkOnly) {
                return reader.skip() ? out : null;
            }
            try {
                if (!reader.next()) {
                    return null;
                }
            } catch (FormatException e) {
                byte[] line = permissive ? reader.rejectedLine() : null;
                if (line == null) {
                    throw e;
                }
                return corrupt(line);
            }
            fill(reader.current());
            return out;
        }

        private InternalRow corrupt(byte[] line) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] == Column.CORRUPT) {
                    out.update(i, UTF8String.fromBytes(line));
                } else {
                    out.setNullAt(i);
                }
            }
            return out;
        }

        private void fill(LibSvmRow row) {
            for (int i = 0; i < columns.length; i++) {
                switch (columns[i]) {
                    case LABEL -> out.setDouble(i, row.label());
                    case LABELS -> {
                        int n = row.labelCount();
                        if (labels.length < n) {
                            labels = new double[Math.max(n, labels.length * 2)];
                        }
                        row.labels(labels);
                        out.update(i, UnsafeArrayData.fromPrimitiveArray(labels, Platform.DOUBLE_ARRAY_OFFSET, n, 8));
                    }
                    case FEATURES -> out.update(i, features(row.features()));
                    case WEIGHT -> out.setDouble(i, row.weight());
                    case QID -> {
                        if (row.hasQid()) {
                            out.setLong(i, row.qid());
                        } else {
                            out.setNullAt(i);
                        }
                    }
                    case CORRUPT -> out.setNullAt(i);
                    default -> throw new IllegalStateException(columns[i].name());
                }
            }
        }

        private InternalRow features(SparseVector f) {
            int nnz = f.nnz();
            int[] idx = f.indices();
            double[] val = f.doubleValues();
            if (dense == null) {
                return vectors.sparse(numFeatures, idx, val, nnz);
            }
            for (int k = 0; k < nnz; k++) {
                dense[idx[k]] = val[k];
            }
            InternalRow v = vectors.dense(dense, numFeatures);
            // Back to zeros in O(nnz): the vector was copied into Spark's array just above.
            for (int k = 0; k < nnz; k++) {
                dense[idx[k]] = 0;
            }
            return v;
        }

        @Override
        public void close() throws IOException {
            try {
                reader.close();
            } finally {
                input.close();
            }
        }
    }

    @Override
    public String toString() {
        return "sagemaker-libsvm reader " + Arrays.toString(columns);
    }
}
