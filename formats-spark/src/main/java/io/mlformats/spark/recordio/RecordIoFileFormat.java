package io.mlformats.spark.recordio;

import io.mlformats.spark.internal.Columns;

import io.mlformats.spark.internal.FileReaderFunction;
import io.mlformats.spark.internal.ScalaFileFormat;
import io.mlformats.spark.internal.SourceOptions;
import io.mlformats.spark.internal.SplitInput;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code recordio} data source: raw dmlc/MXNet RecordIO frames, one row per record with its payload as
 * {@code value binary} (multi-part records reassembled per the {@code multipart} option). Reads split plain files
 * in byte ranges as {@code recordio-protobuf} does; compressed files are read whole. Writes frame a binary column
 * ({@code valueColumnName}, default {@code value}) with dmlc splitting on aligned magic ({@code splitOnMagic});
 * with {@code framed=true} the values must already be complete records and are written unchanged after their
 * headers are checked. Files end in {@code .rec}.
 *
 * <p>Spark creates instances through {@code DataSourceRegister}; they are stateless and thread-safe.
 */
public final class RecordIoFileFormat extends ScalaFileFormat {
    private static final long serialVersionUID = 1L;

    /** The short name, for {@code spark.read.format(...)}. */
    public static final String SHORT_NAME = "recordio";

    /** Creates the data source (Spark does this through the service loader). */
    public RecordIoFileFormat() {
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
        return RecordIoProtobufFileFormat.schema(RecordIoProtobufFileFormat.RecordType.BYTE_ARRAY);
    }

    @Override
    protected FileReaderFunction buildReader(SparkSession spark, StructType dataSchema, StructType requiredSchema,
            SourceOptions options, Configuration hadoopConf) {
        for (StructField f : dataSchema.fields()) {
            if (!(f.dataType() instanceof BinaryType)) {
                throw new IllegalArgumentException(SHORT_NAME + ": column '" + f.name() + "' has type "
                        + f.dataType().simpleString() + "; the schema is value binary");
            }
        }
        return new RecordIoReaderFunction(RecordIoReaderFunction.Kind.PAYLOAD, requiredSchema,
                RecordIoReadSettings.parse(options), hadoopConf, null, null, null);
    }

    @Override
    public boolean isSplitable(SparkSession spark, scala.collection.immutable.Map<String, String> options,
            Path path) {
        return RecordIoReadSettings.parse(SourceOptions.of(SHORT_NAME, options)).splittable
                && SplitInput.isSplitable(spark, path);
    }

    @Override
    public OutputWriterFactory prepareWrite(SparkSession spark, Job job,
            scala.collection.immutable.Map<String, String> options, StructType dataSchema) {
        SourceOptions o = SourceOptions.of(SHORT_NAME, options);
        RecordIoWriteSupport.configureCompression(o, job);
        String name = o.string("valueColumnName", "value");
        int ordinal = Columns.require(SHORT_NAME, dataSchema, name, "value");
        StructField f = dataSchema.fields()[ordinal];
        if (!(f.dataType() instanceof BinaryType)) {
            throw new IllegalArgumentException(SHORT_NAME + ": value column '" + f.name() + "' has type "
                    + f.dataType().simpleString() + "; accepted: binary");
        }
        return new RawOutputWriter.Factory(new RawOutputWriter.Settings(ordinal, f.name(), o.bool("framed", false),
                o.bool("splitOnMagic", true)));
    }
}
