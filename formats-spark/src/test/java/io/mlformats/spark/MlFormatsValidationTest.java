package io.mlformats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.validate.TabularValidatorOptions;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationReport;
import io.mlformats.core.vector.ValueType;
import io.mlformats.spark.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class MlFormatsValidationTest {
    private static final StructType SCHEMA = new StructType()
            .add("label", DataTypes.DoubleType)
            .add("features", SQLDataTypes.VectorType());

    /** {@code rows} in {@code partitions} partitions, in order (parallelize slices a list in order). */
    private static Dataset<Row> frame(List<Row> rows, int partitions) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
        Dataset<Row> df = SharedSpark.session().createDataFrame(jsc.parallelize(rows, partitions), SCHEMA);
        assertEquals(partitions, df.javaRDD().getNumPartitions());
        return df;
    }

    private static List<Row> goodRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(RowFactory.create((double) (i % 2), i % 3 == 0
                    ? Vectors.sparse(3, new int[] {i % 3}, new double[] {i})
                    : Vectors.dense(i, -i, 0.5)));
        }
        return rows;
    }

    /** Twelve rows, bad ones at 2 (NaN label), 5 (width 2), 7 (NaN feature), 9 (label 3), 10 (null label). */
    private static List<Row> badRows() {
        List<Row> rows = goodRows();
        rows.set(2, RowFactory.create(Double.NaN, Vectors.dense(1, 2, 3)));
        rows.set(5, RowFactory.create(1.0, Vectors.dense(1, 2)));
        rows.set(7, RowFactory.create(0.0, Vectors.dense(1, Double.NaN, 3)));
        rows.set(9, RowFactory.create(3.0, Vectors.dense(1, 2, 3)));
        rows.set(10, RowFactory.create(null, Vectors.dense(1, 2, 3)));
        return rows;
    }

    private static List<String> lines(ValidationReport r) {
        return r.problems().stream().map(ValidationProblem::toString).toList();
    }

    @Test
    void aGoodFrameHasNoProblems() {
        for (String algorithm : List.of("xgboost", "linear-learner", "knn", "pca")) {
            ValidationReport r = MlFormatsValidation.validate(frame(goodRows(), 3), algorithm,
                    MlFormatsValidationOptions.defaults().withValidator(
                            TabularValidatorOptions.defaults().withNumClasses(2)));
            assertEquals(12, r.records(), algorithm);
            assertEquals(List.of(), lines(r), algorithm);
            assertEquals(0, r.errorCount() + r.warningCount(), algorithm);
        }
    }

    @Test
    void linearLearnerRefusesWhatItCannotTrainOn() {
        ValidationReport r = MlFormatsValidation.validate(frame(badRows(), 1), "linear-learner",
                MlFormatsValidationOptions.defaults().withValidator(TabularValidatorOptions.defaults().withNumClasses(2)));
        assertEquals(List.of(
                "partition 0: record 2: ERROR NON_FINITE_LABEL: label is NaN",
                "partition 0: record 7: ERROR NON_FINITE_FEATURE: feature 1 is missing (empty field or NaN); "
                        + "linear-learner needs every feature value present and finite",
                "partition 0: record 9: ERROR LABEL_NOT_A_CLASS: label 3 is not an integer in 0..1 (num_classes 2)",
                "partition 0: record 10: ERROR MISSING_LABEL: record has no label; linear-learner needs one",
                "partition 0: record 5: ERROR FEATURE_WIDTH_MISMATCH: record has 2 features, the first had 3 "
                        + "(feature_dim must be constant)"), lines(r));
        assertEquals(5, r.errorCount());
        assertEquals(12, r.records());
        assertTrue(r.hasErrors());
    }

    @Test
    void xgboostReadsNaNFeaturesAsMissingAndHasNoFixedWidth() {
        ValidationReport r = MlFormatsValidation.validate(frame(badRows(), 1), "xgboost",
                Map.of("numClasses", "2")); // the PySpark form: settings as strings
        assertEquals(List.of(
                "partition 0: record 2: ERROR NON_FINITE_LABEL: label is NaN",
                "partition 0: record 9: ERROR LABEL_NOT_A_CLASS: label 3 is not an integer in 0..1 (num_classes 2)",
                "partition 0: record 10: ERROR MISSING_LABEL: record has no label; xgboost needs one"), lines(r));
        ValidationReport regression = MlFormatsValidation.validate(frame(badRows(), 1), "xgboost");
        assertEquals(2, regression.errorCount(), lines(regression).toString()); // no class check: NaN + null only
    }

    @Test
    void mergingPartitionsEqualsOnePartitionButForPositions() {
        for (String algorithm : List.of("linear-learner", "xgboost", "kmeans")) {
            MlFormatsValidationOptions o = MlFormatsValidationOptions.defaults().withValidator(
                    TabularValidatorOptions.defaults().withNumClasses(2));
            ValidationReport one = MlFormatsValidation.validate(frame(badRows(), 1), algorithm, o);
            ValidationReport three = MlFormatsValidation.validate(frame(badRows(), 3), algorithm, o);
            assertEquals(one.records(), three.records(), algorithm);
            assertEquals(one.errorCount(), three.errorCount(), algorithm);
            assertEquals(one.problems().size(), three.problems().size(), algorithm);
            assertTrue(one.errorCount() >= 3, algorithm);
            for (int i = 0; i < one.problems().size(); i++) {
                ValidationProblem a = one.problems().get(i);
                ValidationProblem b = three.problems().get(i);
                assertEquals(a.code(), b.code());
                assertEquals(a.message(), b.message());
                // 12 rows in 3 slices of 4: row r is record r % 4 of partition r / 4
                long row = a.position().recordIndex();
                assertEquals("partition " + row / 4, b.position().source(), b.toString());
                assertEquals(row % 4, b.position().recordIndex(), b.toString());
            }
        }
        // the width reference is the first partition's first row, as in one pass: here partition 1 starts narrow
        List<Row> rows = goodRows();
        rows.set(4, RowFactory.create(1.0, Vectors.dense(1, 2)));
        ValidationReport r = MlFormatsValidation.validate(frame(rows, 3), "knn");
        assertEquals(List.of("partition 1: record 0: ERROR FEATURE_WIDTH_MISMATCH: record has 2 features, the first "
                + "had 3 (feature_dim must be constant)"), lines(r));
    }

    @Test
    void float32AlgorithmsAndTheChannelsValueType() {
        ValidationReport r = MlFormatsValidation.validate(frame(goodRows(), 2), "linear-learner",
                MlFormatsValidationOptions.defaults().withFeatureType(ValueType.FLOAT64));
        assertEquals(List.of("partition 0: record 0: ERROR NOT_FLOAT32: linear-learner takes float32 tensors only; "
                + "these features are not float32"), lines(r));
        // a double beyond the float32 range is infinite once written as float32
        List<Row> rows = goodRows();
        rows.set(1, RowFactory.create(1.0, Vectors.dense(1e300, 0, 0)));
        ValidationReport big = MlFormatsValidation.validate(frame(rows, 2), "pca");
        assertEquals(List.of("partition 0: record 1: ERROR NON_FINITE_FEATURE: feature 0 is Infinity; pca needs every "
                + "feature value present and finite"), lines(big));
    }

    @Test
    void columnsAndOptionsAreCheckedBeforeAnyJob() {
        Dataset<Row> df = frame(goodRows(), 1).withColumnRenamed("features", "x");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> MlFormatsValidation.validate(df, "xgboost"));
        assertTrue(missing.getMessage().contains("no features column 'features' among the columns label, x"),
                missing.getMessage());
        ValidationReport renamed = MlFormatsValidation.validate(df, "xgboost",
                Map.of("featuresColumnName", "x", "maxKept", "0"));
        assertFalse(renamed.hasErrors());
        assertThrows(IllegalArgumentException.class, () -> MlFormatsValidation.validate(df, "deepar"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> MlFormatsValidation.validate(df, "xgboost", Map.of("num_class", "2")));
        assertEquals("MlFormatsValidation: unknown option 'num_class'; accepted: labelColumnName, featuresColumnName, "
                + "featureType, numClasses, featureDim, maxKept", unknown.getMessage());
        Dataset<Row> arrays = SharedSpark.session().sql(
                "SELECT CAST(id % 2 AS INT) AS label, array(CAST(id AS FLOAT), 1.5F) AS features FROM range(5)");
        assertEquals(5, MlFormatsValidation.validate(arrays, "linear-learner").records());
        assertEquals(List.of(), lines(MlFormatsValidation.validate(arrays, "linear-learner")));
    }
}
