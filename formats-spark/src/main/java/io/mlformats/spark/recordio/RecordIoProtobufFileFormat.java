package io.mlformats.spark.recordio;

import io.mlformats.spark.internal.Columns;

import io.mlformats.spark.internal.FileReaderFunction;
import io.mlformats.spark.internal.ScalaFileFormat;
import io.mlformats.spark.internal.SourceOptions;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code recordio-protobuf} data source: SageMaker RecordIO-protobuf ({@code application/x-recordio-protobuf},
 * {@code .pbr}) files, read and written.
 *
 * <p>Reads, by {@code recordType}: {@code LabeledVector} (default; {@code label double} nullable,
 * {@code features} ml vector), {@code Record} (every field: {@code features} and {@code label} as
 * {@code map<string, tensor>}, {@code uid}, {@code metadata}, {@code configuration}), or {@code ByteArray}
 * ({@code value binary}, the serialized Record). Plain files are split in byte ranges: each task reads the records
 * whose header starts in its range, found by RecordIO resynchronisation; compressed files are read whole. A bad
 * or truncated record fails the task with the library's {@code FormatException} (path, record index, byte offset)
 * unless {@code mode} is {@code DROPMALFORMED}.
 *
 * <p>Writes one Record per row, as aws/sagemaker-spark does (label as float32 under {@code "values"}, features
 * under {@code "values"}, dense or sparse with keys and shape), with the options {@code labelColumnName},
 * {@code featuresColumnName}, {@code featureType}, {@code labelType}, {@code featureKey}, {@code labelKey},
 * {@code splitOnMagic} and {@code compression}. Features may be ml or mllib vectors or
 * {@code array<float|double|int>}.
 *
 * <p>Spark creates instances through {@code DataSourceRegister}; they are stateless and thread-safe.
 */
public final class RecordIoProtobufFileFormat extends ScalaFileFormat {
    private static final long serialVersionUID = 1L;

    /** The short name, for {@code spark.read.format(...)}. */
    public static final String SHORT_NAME = "recordio-protobuf";

    /** {@code recordType}: which schema reads produce. */
    enum RecordType { LABELED_VECTOR, RECORD, BYTE_ARRAY }

    /** Creates the data source (Spark does this through the service loader). */
    public RecordIoProtobufFileFormat() {
    }

    @Override
    public String shortName() {
        return SHORT_NAME;
    }

    @Override
    public String toString() {
        return SHORT_NAME;
    }

    @Override
    protected StructType inferSchema(SparkSession spark, SourceOptions options, List<FileStatus> files) {
        return schema(recordType(options));
    }

    /**
     * The fixed schema of a record type.
     *
     * @param type the record type
     * @return the schema
     */
    static StructType schema(RecordType type) {
        return switch (type) {
            case LABELED_VECTOR -> new StructType()
                    .add("label", DataTypes.DoubleType, true)
                    .add("features", SQLDataTypes.VectorType(), true);
            case RECORD -> {
                StructType tensor = new StructType()
                        .add("dtype", DataTypes.StringType)
                        .add("values", DataTypes.createArrayType(DataTypes.DoubleType, false))
                        .add("int32Values", DataTypes.createArrayType(DataTypes.IntegerType, false))
                        .add("keys", DataTypes.createArrayType(DataTypes.LongType, false))
                        .add("shape", DataTypes.createArrayType(DataTypes.LongType, false))
                        .add("bytes", DataTypes.createArrayType(DataTypes.BinaryType, false))
                        .add("contentType", DataTypes.StringType);
                yield new StructType()
                        .add("features", DataTypes.createMapType(DataTypes.StringType, tensor, true))
                        .add("label", DataTypes.createMapType(DataTypes.StringType, tensor, true))
                        .add("uid", DataTypes.StringType)
                        .add("metadata", DataTypes.StringType)
                        .add("configuration", DataTypes.StringType);
            }
            case BYTE_ARRAY -> new StructType().add("value", DataTypes.BinaryType, false);
        };
    }

    static RecordType recordType(SourceOptions options) {
        return options.choice("recordType", RecordType.class, RecordType.LABELED_VECTOR);
    }

    @Override
    protected FileReaderFunction buildReader(SparkSession spark, StructType dataSchema, StructType requiredSchema,
            SourceOptions options, Configuration hadoopConf) {
        RecordType type = recordType(options);
        checkSchema(type, dataSchema);
        RecordIoReaderFunction.Kind kind = switch (type) {
            case LABELED_VECTOR -> RecordIoReaderFunction.Kind.LABELED_VECTOR;
            case RECORD -> RecordIoReaderFunction.Kind.RECORD;
            case BYTE_ARRAY -> RecordIoReaderFunction.Kind.PAYLOAD;
        };
        return new RecordIoReaderFunction(kind, requiredSchema, RecordIoReadSettings.parse(options), hadoopConf,
                options.string("labelKey", "values"), options.string("featureKey", "values"),
                options.choice("vectorType", LabeledVectorRows.VectorType.class, LabeledVectorRows.VectorType.AUTO));
    }

    /** A user-given schema must name only columns of the record type's schema, with their types. */
    private static void checkSchema(RecordType type, StructType dataSchema) {
        StructType fixed = schema(type);
        for (StructField f : dataSchema.fields()) {
            int i = Columns.indexOf(fixed, f.name());
            if (i < 0 || !fixed.fields()[i].dataType().sameType(f.dataType())) {
                throw new IllegalArgumentException(SHORT_NAME + ": column '" + f.name() + "' "
                        + f.dataType().simpleString() + " is not in the schema of recordType="
                        + type.name().toLowerCase(Locale.ROOT) + ": " + fixed.simpleString());
            }
        }
    }

    @Override
    public boolean isSplitable(SparkSession spark, scala.collection.immutable.Map<String, String> options,
            Path path) {
        return RecordIoReadSettings.parse(SourceOptions.of(SHORT_NAME, options)).splittable
                && io.mlformats.spark.internal.SplitInput.isSplitable(spark, path);
    }

    @Override
    public OutputWriterFactory prepareWrite(SparkSession spark, Job job,
            scala.collection.immutable.Map<String, String> options, StructType dataSchema) {
        SourceOptions o = SourceOptions.of(SHORT_NAME, options);
        RecordIoWriteSupport.configureCompression(o, job);
        return new ProtobufOutputWriter.Factory(ProtobufWriteSettings.parse(o, dataSchema));
    }
}
