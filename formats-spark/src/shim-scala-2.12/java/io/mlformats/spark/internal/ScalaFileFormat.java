package io.mlformats.spark.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.FileFormat;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;
import scala.Function1;
import scala.Option;
import scala.collection.Iterator;

/**
 * The Scala 2.12 shim (one copy of this class per Scala version, in src/shim-scala-2.12): the two
 * {@code FileFormat} methods whose signatures name {@code scala.collection.Seq}, delegating to Java-typed methods
 * that the shared source tree implements. Everything else of {@code FileFormat} is version-neutral.
 */
public abstract class ScalaFileFormat implements FileFormat, DataSourceRegister, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The schema of the files, or null when it cannot be inferred (Spark then asks for one).
     *
     * @param spark the session
     * @param options the read options
     * @param files the files to read
     * @return the schema or null
     */
    protected abstract StructType inferSchema(SparkSession spark, SourceOptions options, List<FileStatus> files);

    /**
     * The function that reads one split.
     *
     * @param spark the session
     * @param dataSchema the full schema of the files
     * @param requiredSchema the columns the query needs (may be empty, e.g. for {@code count()})
     * @param options the read options
     * @param hadoopConf the Hadoop configuration
     * @return the reader function
     */
    protected abstract FileReaderFunction buildReader(SparkSession spark, StructType dataSchema,
            StructType requiredSchema, SourceOptions options, Configuration hadoopConf);

    @Override
    public final Option<StructType> inferSchema(SparkSession spark,
            scala.collection.immutable.Map<String, String> options, scala.collection.Seq<FileStatus> files) {
        List<FileStatus> list = new ArrayList<>(files.size());
        Iterator<FileStatus> it = files.iterator();
        while (it.hasNext()) {
            list.add(it.next());
        }
        return Option.apply(inferSchema(spark, SourceOptions.of(shortName(), options), list));
    }

    @Override
    public final Function1<PartitionedFile, Iterator<InternalRow>> buildReader(SparkSession spark,
            StructType dataSchema, StructType partitionSchema, StructType requiredSchema,
            scala.collection.Seq<Filter> filters, scala.collection.immutable.Map<String, String> options,
            Configuration hadoopConf) {
        return buildReader(spark, dataSchema, requiredSchema, SourceOptions.of(shortName(), options), hadoopConf);
    }
}
