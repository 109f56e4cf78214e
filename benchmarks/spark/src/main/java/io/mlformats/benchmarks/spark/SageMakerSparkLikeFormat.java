package io.mlformats.benchmarks.spark;

import io.mlformats.benchmarks.spark.proto.BenchRecords.Float32Tensor;
import io.mlformats.benchmarks.spark.proto.BenchRecords.Record;
import io.mlformats.benchmarks.spark.proto.BenchRecords.Value;
import io.mlformats.spark.internal.FileReaderFunction;
import io.mlformats.spark.internal.ScalaFileFormat;
import io.mlformats.spark.internal.SourceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

/**
 * A bench-only, write-only file format that writes RecordIO-protobuf the way aws/sagemaker-spark's
 * {@code sagemaker} format does (its jar is not on Maven Central, so this is written from the behaviour described
 * in the project's Spark design notes, not from its code). Per row: {@code CatalystTypeConverters} turns the
 * {@code InternalRow} into a {@link Row}; a protobuf-java {@code Record} builder gets the label and the ml vector's
 * values as float32 (sparse: values, keys and shape); {@code toByteArray}; then magic + length, payload and
 * padding are joined by array concatenation and written to the task's {@link FSDataOutputStream}.
 *
 * <p>The generated classes come from this module's own copy of record.proto, never from the library. Use it as
 * {@code df.write().format(SageMakerSparkLikeFormat.class.getName())}; options {@code labelColumnName} and
 * {@code featuresColumnName} as sagemaker-spark's. Instances are stateless; each writer belongs to one task.
 */
public final class SageMakerSparkLikeFormat extends ScalaFileFormat {
    private static final long serialVersionUID = 1L;
    private static final int MAGIC = 0xced7230a;

    @Override
    public String shortName() {
        return "sagemaker-spark-like";
    }

    @Override
    protected StructType inferSchema(SparkSession spark, SourceOptions options, List<FileStatus> files) {
        throw new UnsupportedOperationException("sagemaker-spark-like is write-only, as sagemaker-spark's format");
    }

    @Override
    protected FileReaderFunction buildReader(SparkSession spark, StructType dataSchema, StructType requiredSchema,
                                             SourceOptions options, Configuration hadoopConf) {
        throw new UnsupportedOperationException("sagemaker-spark-like is write-only, as sagemaker-spark's format");
    }

    @Override
    public OutputWriterFactory prepareWrite(SparkSession spark, Job job,
                                            scala.collection.immutable.Map<String, String> options,
                                            StructType dataSchema) {
        SourceOptions o = SourceOptions.of(shortName(), options);
        return new Factory(o.string("labelColumnName", "label"), o.string("featuresColumnName", "features"));
    }

    /** Creates one {@link Writer} per task file. */
    private static final class Factory extends OutputWriterFactory {
        private static final long serialVersionUID = 1L;
        private final String label;
        private final String features;

        Factory(String label, String features) {
            this.label = label;
            this.features = features;
        }

        @Override
        public String getFileExtension(TaskAttemptContext context) {
            return ".pbr";
        }

        @Override
        public OutputWriter newInstance(String path, StructType dataSchema, TaskAttemptContext context) {
            try {
                return new Writer(path, dataSchema, label, features, context.getConfiguration());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The per-row algorithm: converter, builder, byte arrays. */
    private static final class Writer extends OutputWriter {
        private final String path;
        private final FSDataOutputStream out;
        private final Function1<Object, Object> toRow;
        private final int labelIndex;
        private final int featuresIndex;

        Writer(String path, StructType schema, String label, String features, Configuration conf)
                throws IOException {
            this.path = path;
            Path p = new Path(path);
            this.out = p.getFileSystem(conf).create(p, false);
            this.toRow = CatalystTypeConverters.createToScalaConverter(schema);
            this.labelIndex = schema.getFieldIndex(label).isDefined() ? schema.fieldIndex(label) : -1;
            this.featuresIndex = schema.fieldIndex(features);
        }

        @Override
        public void write(InternalRow internal) {
            Row row = (Row) toRow.apply(internal);
            byte[] framed = frame(toRecord(row).toByteArray());
            try {
                out.write(framed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Record toRecord(Row row) {
            Record.Builder b = Record.newBuilder();
            if (labelIndex >= 0) {
                b.putLabel("values", Value.newBuilder()
                        .setFloat32Tensor(Float32Tensor.newBuilder().addValues((float) row.getDouble(labelIndex)))
                        .build());
            }
            Object v = row.get(featuresIndex);
            Float32Tensor.Builder t = Float32Tensor.newBuilder();
            if (v instanceof DenseVector d) {
                for (double x : d.values()) {
                    t.addValues((float) x);
                }
            } else if (v instanceof SparseVector s) {
                for (double x : s.values()) {
                    t.addValues((float) x);
                }
                for (int k : s.indices()) {
                    t.addKeys(k);
                }
                t.addShape(s.size());
            } else {
                throw new IllegalArgumentException("features must be an ml Vector: " + v);
            }
            return b.putFeatures("values", Value.newBuilder().setFloat32Tensor(t).build()).build();
        }

        /** Header, payload and padding joined as sagemaker-spark does: one new array per concatenation. */
        private static byte[] frame(byte[] payload) {
            byte[] header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(MAGIC)
                    .putInt(payload.length).array();
            byte[] padding = new byte[(4 - payload.length % 4) % 4];
            return concat(concat(header, payload), padding);
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] r = new byte[a.length + b.length];
            System.arraycopy(a, 0, r, 0, a.length);
            System.arraycopy(b, 0, r, a.length, b.length);
            return r;
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String path() {
            return path;
        }
    }
}
