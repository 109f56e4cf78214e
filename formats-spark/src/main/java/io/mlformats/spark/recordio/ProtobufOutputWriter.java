package io.mlformats.spark.recordio;

import io.mlformats.recordio.protobuf.RecordProtobufWriter;
import io.mlformats.spark.internal.FeatureBuffer;
import java.io.IOException;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.CodecStreams;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Writes one {@code .pbr} file: each row's features (straight from the {@code InternalRow} into reused arrays)
 * and label as one SageMaker Record, encoded by the library's {@link RecordProtobufWriter} into its buffer. With
 * the defaults the bytes are those aws/sagemaker-spark writes for the same rows. Not thread-safe; one per task and
 * file.
 */
final class ProtobufOutputWriter extends RecordIoWriteSupport.StreamWriter {
    private final ProtobufWriteSettings settings;
    private final RecordProtobufWriter writer;
    private final FeatureBuffer buffer = new FeatureBuffer();
    private float[] floats = new float[16];
    private int[] ints = new int[16];

    ProtobufOutputWriter(String path, TaskAttemptContext context, ProtobufWriteSettings settings) throws IOException {
        super(path, context);
        this.settings = settings;
        this.writer = RecordProtobufWriter.open(stream(), settings.writerOptions());
    }

    @Override
    void writeRow(InternalRow row) throws IOException {
        if (!settings.features.read(row, buffer)) {
            throw new IllegalArgumentException("features column '" + settings.features.name()
                    + "' is null; every record needs features");
        }
        boolean hasLabel = settings.label != null && !settings.label.isNull(row);
        double label = hasLabel ? settings.label.read(row) : 0;
        FeatureBuffer b = buffer;
        int n = b.nnz;
        switch (settings.featureType) {
            case FLOAT64 -> {
                if (b.dense) {
                    if (hasLabel) {
                        writer.writeDense(b.values, 0, n, label);
                    } else {
                        writer.writeDense(b.values, 0, n);
                    }
                } else if (hasLabel) {
                    writer.writeSparse(b.size, b.indices, b.values, 0, n, label);
                } else {
                    writer.writeSparse(b.size, b.indices, b.values, 0, n);
                }
            }
            case FLOAT32 -> {
                float[] f = floats(n);
                if (b.dense) {
                    if (hasLabel) {
                        writer.writeDense(f, 0, n, label);
                    } else {
                        writer.writeDense(f, 0, n);
                    }
                } else if (hasLabel) {
                    writer.writeSparse(b.size, b.indices, f, 0, n, label);
                } else {
                    writer.writeSparse(b.size, b.indices, f, 0, n);
                }
            }
            default -> {
                int[] v = ints(n);
                if (!b.dense) {
                    throw new IllegalArgumentException("featureType=int32 writes dense features only; the features "
                            + "column '" + settings.features.name() + "' holds a sparse vector");
                }
                if (hasLabel) {
                    writer.writeDense(v, 0, n, label);
                } else {
                    writer.writeDense(v, 0, n);
                }
            }
        }
    }

    private float[] floats(int n) {
        if (floats.length < n) {
            floats = new float[Math.max(n, floats.length * 2)];
        }
        double[] v = buffer.values;
        for (int i = 0; i < n; i++) {
            floats[i] = (float) v[i];
        }
        return floats;
    }

    private int[] ints(int n) {
        if (ints.length < n) {
            ints = new int[Math.max(n, ints.length * 2)];
        }
        double[] v = buffer.values;
        for (int i = 0; i < n; i++) {
            int x = (int) v[i];
            if (x != v[i]) {
                throw new IllegalArgumentException("feature " + i + " = " + v[i] + " is not an int32 value "
                        + "(featureType=int32)");
            }
            ints[i] = x;
        }
        return ints;
    }

    @Override
    void commit() throws IOException {
        writer.commit();
    }

    /** Creates the writers of a write job; serializable, built on the driver. */
    static final class Factory extends OutputWriterFactory {
        private static final long serialVersionUID = 1L;
        private final ProtobufWriteSettings settings;

        Factory(ProtobufWriteSettings settings) {
            this.settings = settings;
        }

        @Override
        public String getFileExtension(TaskAttemptContext context) {
            return ".pbr" + CodecStreams.getCompressionExtension(context);
        }

        @Override
        public OutputWriter newInstance(String path, StructType dataSchema, TaskAttemptContext context) {
            try {
                return new ProtobufOutputWriter(path, context, settings);
            } catch (IOException e) {
                throw io.mlformats.spark.internal.FileReaderFunction.sneaky(e);
            }
        }
    }
}
