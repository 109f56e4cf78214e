package io.mlformats.spark;

import io.mlformats.core.SourcePosition;
import io.mlformats.core.validate.TabularAlgorithm;
import io.mlformats.core.validate.TabularValidator;
import io.mlformats.core.validate.TabularValidatorOptions;
import io.mlformats.core.validate.ValidationReport;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.spark.internal.FeatureBuffer;
import io.mlformats.spark.internal.FeatureColumn;
import io.mlformats.spark.internal.LabelColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Answers "would this SageMaker algorithm accept this channel?" for a DataFrame, before a training job is paid
 * for: runs the library's {@link TabularValidator} (the rules of the CLI's {@code mlformats validate}) over every
 * row of a {@code (label, features)} DataFrame, one validator per partition in one Spark job, and merges the
 * partitions' results on the driver in partition order into one {@link ValidationReport}.
 *
 * <pre>{@code
 * ValidationReport r = MlFormatsValidation.validate(train, "linear-learner",
 *         MlFormatsValidationOptions.defaults().withValidator(TabularValidatorOptions.defaults().withNumClasses(2)));
 * if (r.hasErrors()) throw new IllegalStateException(r.toString());
 * }</pre>
 *
 * <p>Algorithms: the {@link TabularAlgorithm}s ({@code xgboost}, {@code linear-learner},
 * {@code factorization-machines}, {@code knn}, {@code kmeans}, {@code pca}); problem codes as
 * {@link TabularValidator} lists them. Rows are read straight from Spark's internal rows (no {@code Vector}
 * objects); features are checked as the channel will hold them ({@link MlFormatsValidationOptions#featureType()}).
 *
 * <p><b>Positions.</b> A DataFrame has no file offsets: a problem's {@link SourcePosition} has
 * {@code source = "partition P"} (the partition index in the validated DataFrame), {@code recordIndex} = the row's
 * 0-based index within that partition, and byte offset and line {@link SourcePosition#UNKNOWN}; it prints as
 * {@code partition 3: record 17: ERROR NON_FINITE_LABEL: label is NaN}. The counts and the kept problems equal
 * those of validating all rows in one partition (the merge follows partition order), only the positions differ.
 *
 * <p>A row whose features are null fails the job (a channel cannot hold it), naming the partition and row. From
 * PySpark: {@code spark._jvm.io.mlformats.spark.MlFormatsValidation.validate(df._jdf, "xgboost",
 * {"numClasses": "2"})} returns the report object ({@code .hasErrors()}, {@code .errorCount()},
 * {@code .toString()}). Stateless and thread-safe; each call runs one Spark job.
 */
public final class MlFormatsValidation {
    private static final String SOURCE = "MlFormatsValidation";

    private MlFormatsValidation() {
    }

    /**
     * Validates columns {@code label} and {@code features} with {@link MlFormatsValidationOptions#defaults()}.
     *
     * @param df        the rows
     * @param algorithm a SageMaker algorithm name such as {@code "xgboost"} or {@code "linear-learner"}
     * @return the merged report
     * @throws IllegalArgumentException for an unknown algorithm or missing / mistyped columns (before any job)
     */
    public static ValidationReport validate(Dataset<Row> df, String algorithm) {
        return validate(df, algorithm, MlFormatsValidationOptions.defaults());
    }

    /**
     * Validates with settings given as strings (see {@link MlFormatsValidationOptions#of(Map)}), for PySpark.
     *
     * @param df        the rows
     * @param algorithm a SageMaker algorithm name
     * @param options   settings such as {@code numClasses}, {@code featureDim}, {@code labelColumnName}
     * @return the merged report
     * @throws IllegalArgumentException for an unknown algorithm or option, a bad value, or missing / mistyped
     *                                  columns
     */
    public static ValidationReport validate(Dataset<Row> df, String algorithm, Map<String, String> options) {
        return validate(df, algorithm, MlFormatsValidationOptions.of(options));
    }

    /**
     * Validates every row of {@code df} for {@code algorithm}: one validator per partition, merged in partition
     * order.
     *
     * @param df        the rows
     * @param algorithm a SageMaker algorithm name
     * @param options   columns, channel value type, hyperparameters
     * @return the merged report, dataset rules ({@code FEATURE_WIDTH_MISMATCH}, {@code NOT_FLOAT32}) applied
     * @throws IllegalArgumentException for an unknown algorithm or missing / mistyped columns (before any job)
     */
    public static ValidationReport validate(Dataset<Row> df, String algorithm, MlFormatsValidationOptions options) {
        TabularAlgorithm a = TabularAlgorithm.of(algorithm);
        StructType schema = df.schema();
        LabelColumn label = LabelColumn.of(SOURCE, schema, options.labelColumn(), "label");
        FeatureColumn features = FeatureColumn.of(SOURCE, schema, options.featuresColumn(), true);
        List<byte[]> parts = df.queryExecution().toRdd().toJavaRDD()
                .mapPartitionsWithIndex(new PartitionCheck(a, options.validator(), label, features,
                        options.featureType()), false)
                .collect();
        TabularValidator merged = new TabularValidator(a, options.validator());
        for (byte[] part : parts) {
            merged.merge(read(part));
        }
        return merged.finish();
    }

    /**
     * Validates one partition; its result travels as the Java-serialized validator, plain bytes whatever
     * serializer the session uses.
     */
    private static final class PartitionCheck
            implements Function2<Integer, Iterator<InternalRow>, Iterator<byte[]>> {
        private static final long serialVersionUID = 1L;

        private final TabularAlgorithm algorithm;
        private final TabularValidatorOptions options;
        private final LabelColumn label;
        private final FeatureColumn features;
        private final ValueType type;

        PartitionCheck(TabularAlgorithm algorithm, TabularValidatorOptions options, LabelColumn label,
                FeatureColumn features, ValueType type) {
            this.algorithm = algorithm;
            this.options = options;
            this.label = label;
            this.features = features;
            this.type = type;
        }

        @Override
        public Iterator<byte[]> call(Integer partition, Iterator<InternalRow> rows) {
            TabularValidator v = new TabularValidator(algorithm, options);
            String source = "partition " + partition;
            FeatureBuffer buf = new FeatureBuffer();
            LabeledRow row = new LabeledRow();
            DenseVector dense = DenseVector.of(type, 16);
            SparseVector sparse = SparseVector.of(type, 16);
            long index = 0;
            while (rows.hasNext()) {
                InternalRow r = rows.next();
                if (!features.read(r, buf)) {
                    throw new IllegalArgumentException(SOURCE + ": " + source + " row " + index + ": features column '"
                            + features.name() + "' is null; a channel cannot hold a row without features");
                }
                row.clear();
                if (!label.isNull(r)) {
                    row.addLabel(label.read(r));
                }
                if (buf.dense) {
                    dense.clear();
                    for (int i = 0; i < buf.nnz; i++) {
                        append(dense, buf.values[i]);
                    }
                    row.setFeatures(dense);
                } else {
                    sparse.clear();
                    sparse.setDimension(buf.size);
                    for (int i = 0; i < buf.nnz; i++) {
                        if (type == ValueType.FLOAT32) {
                            sparse.append(buf.indices[i], (float) buf.values[i]);
                        } else {
                            sparse.append(buf.indices[i], buf.values[i]);
                        }
                    }
                    row.setFeatures(sparse);
                }
                // One small position per row: check() takes it up front and keeps it only for rows with problems.
                v.check(row, new SourcePosition(source, SourcePosition.UNKNOWN, index, SourcePosition.UNKNOWN));
                index++;
            }
            return List.of(write(v)).iterator();
        }

        private void append(DenseVector d, double x) {
            if (type == ValueType.FLOAT32) {
                d.append((float) x);
            } else {
                d.append(x);
            }
        }
    }

    private static byte[] write(TabularValidator v) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static TabularValidator read(byte[] part) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(part))) {
            return (TabularValidator) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
