package io.mlformats.spark.libsvm;

import io.mlformats.libsvm.IndexBase;
import io.mlformats.spark.internal.FileReaderFunction;
import io.mlformats.spark.internal.ScalaFileFormat;
import io.mlformats.spark.internal.SerializableConfiguration;
import io.mlformats.spark.internal.SourceOptions;
import io.mlformats.spark.internal.SplitInput;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.UserDefinedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sagemaker-libsvm} data source: LibSVM/SVMlight text read and written with the mlformats library.
 * Registered under that short name ({@code spark.read().format("sagemaker-libsvm")}); not {@code libsvm}, which
 * Spark keeps for its own source.
 *
 * <p><b>Read.</b> Schema as Spark's {@code libsvm} source: {@code label double} and {@code features} (an ml
 * vector whose field metadata carries {@code numFeatures} and an {@code AttributeGroup}); {@code multiLabel}
 * replaces the label by {@code labels array<double>}, {@code includeWeight} adds {@code weight double} (1 for
 * rows without one), {@code includeQid} adds {@code qid bigint} (null for rows without one). Options:
 * <ul>
 * <li>{@code numFeatures}: the vector size; absent or not positive, one extra Spark job over the files (with
 *     this library's parser) finds the largest index. An index at or beyond it is an error naming the line.</li>
 * <li>{@code vectorType}: {@code sparse} (default) or {@code dense}.</li>
 * <li>{@code indexBase}: {@code zero} (default: what SageMaker XGBoost reads), {@code one} (files written by
 *     Spark or LIBSVM), {@code auto} (settled by the same extra job: one-based unless some index is 0).</li>
 * <li>{@code mode}: {@code FAILFAST} (default: the first bad line fails the task with the library's message,
 *     {@code file:line:offset: record N: detail}), {@code DROPMALFORMED} (bad lines are skipped), or
 *     {@code PERMISSIVE} (a bad line gives a row of nulls, plus its text in the column named by
 *     {@code columnNameOfCorruptRecord}, default {@code spark.sql.columnNameOfCorruptRecord}, when a user-given
 *     schema has that string column).</li>
 * <li>{@code multiLabel}, {@code includeWeight}, {@code includeQid}: false by default.</li>
 * </ul>
 * Plain files are split into byte ranges (each task reads the lines that start in its range); compressed files
 * are read whole. A query that needs no column ({@code count()}) walks the lines without parsing them, except
 * under DROPMALFORMED, where only parsing tells which lines count. With a user-given schema, give
 * {@code numFeatures} (and {@code indexBase} zero or one) too, unless the schema's features field carries them.
 * In error messages, the line number of a split other than a file's first counts from the start of that split;
 * the byte offset is always the offset in the file.
 *
 * <p><b>Write.</b> Columns named by {@code labelColumnName} (default {@code label}; any numeric type, or an array
 * of numbers for a multi-label row) and {@code featuresColumnName} (default {@code features}; an ml or mllib
 * vector, {@code array<float>} or {@code array<double>}); optional {@code weightColumnName} (numeric) and
 * {@code qidColumnName} (int or bigint); other columns are ignored. A wrong type fails when the write is planned,
 * naming the column, its type and the types accepted. Every stored entry is written (a dense vector's zeros
 * too), indices {@code zero}-based unless {@code indexBase=one} (Spark's own source writes one-based), numbers in
 * the shortest text that reads back to the same double. {@code compression}: {@code none} (default),
 * {@code gzip}, {@code bzip2}, {@code deflate}, {@code lz4}, {@code snappy}, {@code zstd} or a Hadoop codec class;
 * files end in {@code .libsvm} plus the codec's extension. {@code allowNonFinite} (default false) writes NaN and
 * infinities instead of failing the task with a message naming the row.
 *
 * <p>Spark creates instances through the service loader; they hold no state and are thread-safe.
 */
public final class LibSvmFileFormat extends ScalaFileFormat {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LibSvmFileFormat.class);
    private static final String NAME = "sagemaker-libsvm";

    /** For the service loader. */
    public LibSvmFileFormat() {
    }

    /** @return {@code sagemaker-libsvm} */
    @Override
    public String shortName() {
        return NAME;
    }

    @Override
    public String toString() {
        return NAME;
    }

    @Override
    protected StructType inferSchema(SparkSession spark, SourceOptions options, List<FileStatus> files) {
        LibSvmOptions o = parse(spark, options);
        IndexBase base = o.indexBase;
        long width = o.numFeatures;
        if (width < 0 || base == IndexBase.AUTO) {
            if (width < 0) {
                LOG.warn("'numFeatures' option not specified: determining the number of features with one extra "
                        + "pass over the input. If you know it in advance, set the 'numFeatures' option to avoid "
                        + "the extra scan.");
            }
            LibSvmInference.Result r = LibSvmInference.run(spark, files, o,
                    spark.sessionState().newHadoopConf());
            base = r.base();
            if (width < 0) {
                width = r.numFeatures();
            }
        }
        return schema(o, (int) width, base);
    }

    /**
     * The schema a read produces.
     *
     * @param o the options
     * @param numFeatures the vector size
     * @param base the settled index base (carried in the features metadata to the reader)
     * @return Spark's libsvm schema plus the optional columns
     */
    static StructType schema(LibSvmOptions o, int numFeatures, IndexBase base) {
        Metadata meta = new MetadataBuilder()
                .putLong(LibSvmOptions.NUM_FEATURES, numFeatures)
                .putString(LibSvmOptions.INDEX_BASE_KEY, LibSvmOptions.lower(base))
                .build();
        StructField features = new AttributeGroup("features", numFeatures).toStructField(meta);
        StructField label = o.multiLabel
                ? new StructField("labels", DataTypes.createArrayType(DataTypes.DoubleType, false), false,
                        Metadata.empty())
                : new StructField("label", DataTypes.DoubleType, false, Metadata.empty());
        StructType s = new StructType(new StructField[] {label, features});
        if (o.includeWeight) {
            s = s.add(new StructField("weight", DataTypes.DoubleType, false, Metadata.empty()));
        }
        if (o.includeQid) {
            s = s.add(new StructField("qid", DataTypes.LongType, true, Metadata.empty()));
        }
        return s;
    }

    @Override
    protected FileReaderFunction buildReader(SparkSession spark, StructType dataSchema, StructType requiredSchema,
            SourceOptions options, Configuration hadoopConf) {
        LibSvmOptions o = parse(spark, options);
        StructField features = find(dataSchema, "features");
        Metadata meta = features == null ? Metadata.empty() : features.metadata();
        long width = o.numFeatures > 0 ? o.numFeatures
                : meta.contains(LibSvmOptions.NUM_FEATURES) ? meta.getLong(LibSvmOptions.NUM_FEATURES) : -1;
        IndexBase base = o.indexBase;
        if (base == IndexBase.AUTO && meta.contains(LibSvmOptions.INDEX_BASE_KEY)) {
            base = IndexBase.valueOf(meta.getString(LibSvmOptions.INDEX_BASE_KEY).toUpperCase(Locale.ROOT));
        }
        if (width < 0 || base == IndexBase.AUTO) {
            throw new IllegalArgumentException(NAME + ": with a user-given schema, set the option numFeatures (a "
                    + "positive vector size) and indexBase zero or one; the schema's features field carries neither "
                    + "(a schema read by this source without them carries both)");
        }
        LibSvmRows.Column[] columns = new LibSvmRows.Column[requiredSchema.fields().length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = column(o, requiredSchema.fields()[i]);
        }
        return new LibSvmRows(o, base, (int) width, columns, new SerializableConfiguration(hadoopConf));
    }

    private static LibSvmRows.Column column(LibSvmOptions o, StructField f) {
        String n = f.name();
        DataType t = f.dataType();
        if (n.equalsIgnoreCase(o.corruptColumn)) {
            if (!t.equals(DataTypes.StringType)) {
                throw new IllegalArgumentException(NAME + ": the corrupt record column '" + n + "' must be a string, "
                        + "not " + t.simpleString());
            }
            return LibSvmRows.Column.CORRUPT;
        }
        if (!o.multiLabel && n.equalsIgnoreCase("label") && t.equals(DataTypes.DoubleType)) {
            return LibSvmRows.Column.LABEL;
        }
        if (o.multiLabel && n.equalsIgnoreCase("labels") && t instanceof ArrayType a
                && a.elementType().equals(DataTypes.DoubleType)) {
            return LibSvmRows.Column.LABELS;
        }
        if (n.equalsIgnoreCase("features") && t instanceof UserDefinedType<?> u
                && u.getClass().equals(SQLDataTypes.VectorType().getClass())) {
            return LibSvmRows.Column.FEATURES;
        }
        if (n.equalsIgnoreCase("weight") && t.equals(DataTypes.DoubleType)) {
            return LibSvmRows.Column.WEIGHT;
        }
        if (n.equalsIgnoreCase("qid") && t.equals(DataTypes.LongType)) {
            return LibSvmRows.Column.QID;
        }
        throw new IllegalArgumentException(NAME + ": cannot read column '" + n + "' of type " + t.simpleString()
                + "; this source reads " + (o.multiLabel ? "labels array<double>" : "label double")
                + ", features vector (ml), weight double, qid bigint and the corrupt record column '"
                + o.corruptColumn + "' string");
    }

    private static StructField find(StructType schema, String name) {
        for (StructField f : schema.fields()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    private static LibSvmOptions parse(SparkSession spark, SourceOptions options) {
        return LibSvmOptions.parse(options, spark.conf().get("spark.sql.columnNameOfCorruptRecord", "_corrupt_record"));
    }

    @Override
    public boolean isSplitable(SparkSession spark, scala.collection.immutable.Map<String, String> options,
            Path path) {
        return SplitInput.isSplitable(spark, path);
    }

    @Override
    public OutputWriterFactory prepareWrite(SparkSession spark, Job job,
            scala.collection.immutable.Map<String, String> options, StructType dataSchema) {
        SourceOptions o = SourceOptions.of(NAME, options);
        IndexBase base = o.choice("indexBase", IndexBase.class, IndexBase.ZERO);
        LibSvmOutput output = LibSvmOutput.plan(dataSchema, o.string("labelColumnName", "label"),
                o.string("featuresColumnName", "features"), o.string("weightColumnName", null),
                o.string("qidColumnName", null), base, o.bool("allowNonFinite", false));
        Compression.configure(o, job.getConfiguration());
        return output;
    }
}
