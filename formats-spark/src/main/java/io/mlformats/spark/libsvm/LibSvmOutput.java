package io.mlformats.spark.libsvm;

import io.mlformats.spark.internal.Columns;

import io.mlformats.core.vector.SparseVector;
import io.mlformats.libsvm.IndexBase;
import io.mlformats.libsvm.LibSvmRow;
import io.mlformats.libsvm.LibSvmWriteOptions;
import io.mlformats.libsvm.LibSvmWriter;
import io.mlformats.spark.internal.FeatureBuffer;
import io.mlformats.spark.internal.FeatureColumn;
import io.mlformats.spark.internal.LabelColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.execution.datasources.CodecStreams;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The write side of {@code sagemaker-libsvm}: the columns, checked on the driver when the write is planned (so a
 * wrong column fails before any task runs), and one library {@link LibSvmWriter} per output file. Immutable and
 * serializable.
 */
final class LibSvmOutput extends OutputWriterFactory {
    private static final long serialVersionUID = 1L;
    private static final String SOURCE = "sagemaker-libsvm";

    private final LabelColumn label;
    /** Ordinal and element type of a multi-label column (array of numbers), or -1. */
    private final int labelsOrdinal;
    private final DataType labelsElement;
    private final FeatureColumn features;
    private final LabelColumn weight;
    private final int qidOrdinal;
    private final boolean qidIsLong;
    private final boolean oneBased;
    private final boolean allowNonFinite;

    private LibSvmOutput(LabelColumn label, int labelsOrdinal, DataType labelsElement, FeatureColumn features,
            LabelColumn weight, int qidOrdinal, boolean qidIsLong, boolean oneBased, boolean allowNonFinite) {
        this.label = label;
        this.labelsOrdinal = labelsOrdinal;
        this.labelsElement = labelsElement;
        this.features = features;
        this.weight = weight;
        this.qidOrdinal = qidOrdinal;
        this.qidIsLong = qidIsLong;
        this.oneBased = oneBased;
        this.allowNonFinite = allowNonFinite;
    }

    /**
     * Checks the columns named by the options.
     *
     * @throws IllegalArgumentException naming the column, its type and the types accepted
     */
    static LibSvmOutput plan(StructType schema, String labelName, String featuresName, String weightName,
            String qidName, IndexBase base, boolean allowNonFinite) {
        if (base == IndexBase.AUTO) {
            throw new IllegalArgumentException(SOURCE + ": option 'indexBase' must be zero or one for writing, got "
                    + "'auto'");
        }
        FeatureColumn f = FeatureColumn.of(SOURCE, schema, featuresName, false);
        StructField lf = Columns.field(SOURCE, schema, labelName, "label");
        LabelColumn label = null;
        int labelsOrdinal = -1;
        DataType element = null;
        if (lf.dataType() instanceof ArrayType a && LabelColumn.accepts(a.elementType())) {
            labelsOrdinal = schema.fieldIndex(lf.name());
            element = a.elementType();
        } else if (LabelColumn.accepts(lf.dataType())) {
            label = LabelColumn.of(SOURCE, schema, labelName, "label");
        } else {
            throw new IllegalArgumentException(SOURCE + ": label column '" + lf.name() + "' has type "
                    + lf.dataType().simpleString() + "; accepted: " + Columns.NUMERIC_TYPES + ", or an array of those (multi-label)");
        }
        LabelColumn w = weightName == null ? null : LabelColumn.of(SOURCE, schema, weightName, "weight");
        int qid = -1;
        boolean qidLong = false;
        if (qidName != null) {
            StructField qf = Columns.field(SOURCE, schema, qidName, "qid");
            DataType t = qf.dataType();
            if (!t.equals(DataTypes.LongType) && !t.equals(DataTypes.IntegerType)) {
                throw new IllegalArgumentException(SOURCE + ": qid column '" + qf.name() + "' has type "
                        + t.simpleString() + "; accepted: int, bigint");
            }
            qid = schema.fieldIndex(qf.name());
            qidLong = t.equals(DataTypes.LongType);
        }
        return new LibSvmOutput(label, labelsOrdinal, element, f, w, qid, qidLong, base == IndexBase.ONE,
                allowNonFinite);
    }


    @Override
    public String getFileExtension(TaskAttemptContext context) {
        return ".libsvm" + CodecStreams.getCompressionExtension(context);
    }

    @Override
    public OutputWriter newInstance(String path, StructType dataSchema, TaskAttemptContext context) {
        try {
            return new Writer(path, context);
        } catch (IOException e) {
            throw new UncheckedIOException("sagemaker-libsvm: cannot open " + path, e);
        }
    }

    /** Writes the rows of one output file. Not thread-safe; one per task and file. */
    private final class Writer extends OutputWriter {
        private final String path;
        private final OutputStream out;
        private final LibSvmWriter writer;
        private final LibSvmRow row = LibSvmRow.float64();
        private final FeatureBuffer buffer = new FeatureBuffer();
        private long rows;
        private boolean closed;

        Writer(String path, TaskAttemptContext context) throws IOException {
            this.path = path;
            this.out = CodecStreams.createOutputStream(context, new Path(path));
            LibSvmWriteOptions options = LibSvmWriteOptions.defaults()
                    .withIndexBase(oneBased ? IndexBase.ONE : IndexBase.ZERO)
                    .withAllowNonFinite(allowNonFinite);
            LibSvmWriter w;
            try {
                w = LibSvmWriter.open(out, options);
            } catch (IOException | RuntimeException e) {
                out.close();
                throw e;
            }
            this.writer = w;
        }

        @Override
        public void write(InternalRow r) {
            row.clear();
            if (label != null) {
                if (label.isNull(r)) {
                    throw refused("its label column '" + label.name() + "' is null");
                }
                row.setLabel(label.read(r));
            } else {
                labels(r);
            }
            if (!features.read(r, buffer)) {
                throw refused("its features column '" + features.name() + "' is null");
            }
            SparseVector v = row.features();
            double[] values = buffer.values;
            if (buffer.dense) {
                // Every entry, zeros included: XGBoost reads an absent entry as missing, not as 0.
                for (int i = 0; i < buffer.nnz; i++) {
                    v.append(i, values[i]);
                }
            } else {
                int[] idx = buffer.indices;
                for (int i = 0; i < buffer.nnz; i++) {
                    v.append(idx[i], values[i]);
                }
            }
            if (weight != null && !weight.isNull(r)) {
                row.setWeight(weight.read(r));
            }
            if (qidOrdinal >= 0 && !r.isNullAt(qidOrdinal)) {
                row.setQid(qidIsLong ? r.getLong(qidOrdinal) : r.getInt(qidOrdinal));
            }
            try {
                writer.write(row);
            } catch (IllegalArgumentException e) {
                throw refused(sparkWording(e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException("sagemaker-libsvm: writing " + path + " failed", e);
            }
            rows++;
        }

        private void labels(InternalRow r) {
            row.setMultiLabel();
            if (r.isNullAt(labelsOrdinal)) {
                return;
            }
            ArrayData a = r.getArray(labelsOrdinal);
            for (int i = 0; i < a.numElements(); i++) {
                if (a.isNullAt(i)) {
                    throw refused("its label list has a null at position " + i);
                }
                row.addLabel(element(a, i));
            }
        }

        private double element(ArrayData a, int i) {
            DataType t = labelsElement;
            if (t.equals(DataTypes.DoubleType)) {
                return a.getDouble(i);
            } else if (t.equals(DataTypes.FloatType)) {
                return a.getFloat(i);
            } else if (t.equals(DataTypes.LongType)) {
                return a.getLong(i);
            } else if (t.equals(DataTypes.IntegerType)) {
                return a.getInt(i);
            } else if (t.equals(DataTypes.ShortType)) {
                return a.getShort(i);
            } else if (t.equals(DataTypes.ByteType)) {
                return a.getByte(i);
            }
            org.apache.spark.sql.types.DecimalType d = (org.apache.spark.sql.types.DecimalType) t;
            return a.getDecimal(i, d.precision(), d.scale()).toDouble();
        }

        /** The library's refusal, with its Java hint replaced by the option a Spark user sets. */
        private static String sparkWording(String message) {
            String hint = "LibSvmWriteOptions.withAllowNonFinite(true)";
            if (message.contains(hint)) {
                return message.replace(hint, "the option allowNonFinite=true");
            }
            return message.contains("non-finite") ? message + " (the option allowNonFinite=true writes it anyway)"
                    : message;
        }

        private IllegalArgumentException refused(String why) {
            return new IllegalArgumentException("sagemaker-libsvm: cannot write row " + rows + " (counted from 0) of "
                    + path + ": " + why);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try (OutputStream o = out) {
                // Finishes the text (buffered bytes) and flushes; the codec stream's close writes its trailer.
                writer.commit();
            } catch (IOException e) {
                throw new UncheckedIOException("sagemaker-libsvm: finishing " + path + " failed", e);
            } finally {
                writer.close();
            }
        }

        @Override
        public String path() {
            return path;
        }
    }
}
