package io.mlformats.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.SourcePosition;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TabularValidatorTest {

    /** A row of the test data: the row and where it is. */
    private record At(LabeledRow row, SourcePosition position) {
    }

    private static SourcePosition pos(int record) {
        return SourcePosition.ofLine("f", record * 10L, record, record + 1);
    }

    private static LabeledRow dense(double[] labels, double... values) {
        LabeledRow r = new LabeledRow();
        for (double l : labels) {
            r.addLabel(l);
        }
        r.setFeatures(DenseVector.ofFloat32(toFloat(values)));
        return r;
    }

    private static LabeledRow dense64(double label, double... values) {
        LabeledRow r = new LabeledRow();
        r.addLabel(label);
        r.setFeatures(DenseVector.ofFloat64(values));
        return r;
    }

    private static LabeledRow sparse(double label, long dimension, int[] indices, float[] values) {
        LabeledRow r = new LabeledRow();
        r.addLabel(label);
        r.setFeatures(SparseVector.ofFloat32(dimension, indices, values));
        return r;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double[] l(double... labels) {
        return labels;
    }

    private static ValidationReport validate(TabularAlgorithm a, TabularValidatorOptions o, List<At> rows) {
        TabularValidator v = new TabularValidator(a, o);
        for (At at : rows) {
            v.check(at.row(), at.position());
        }
        return v.finish();
    }

    private static List<At> at(LabeledRow... rows) {
        List<At> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            out.add(new At(rows[i], pos(i)));
        }
        return out;
    }

    private static List<String> lines(ValidationReport r) {
        return r.problems().stream().map(ValidationProblem::toString).toList();
    }

    @Test
    void xgboostChecksLabelsButReadsNonFiniteFeaturesAsMissing() {
        ValidationReport r = validate(TabularAlgorithm.XGBOOST, TabularValidatorOptions.defaults().withNumClasses(3),
                at(dense(l(0), 1, Double.NaN),
                        dense(l(), 1, 2),
                        dense(l(1, 2), 1, 2),
                        dense(l(Double.NaN), 1, 2),
                        dense(l(2.5), 1, Double.POSITIVE_INFINITY),
                        dense(l(3), 1, 2),
                        dense(l(-1), 1, 2),
                        dense(l(2), 1, 2, 3)));
        assertEquals(List.of(
                "f:2:10: record 1: ERROR MISSING_LABEL: record has no label; xgboost needs one",
                "f:3:20: record 2: ERROR MULTIPLE_LABELS: record has 2 labels; xgboost takes one",
                "f:4:30: record 3: ERROR NON_FINITE_LABEL: label is NaN",
                "f:5:40: record 4: ERROR LABEL_NOT_A_CLASS: label 2.5 is not an integer in 0..2 (num_classes 3)",
                "f:6:50: record 5: ERROR LABEL_NOT_A_CLASS: label 3 is not an integer in 0..2 (num_classes 3)",
                "f:7:60: record 6: ERROR LABEL_NOT_A_CLASS: label -1 is not an integer in 0..2 (num_classes 3)"),
                lines(r), "xgboost: NaN and Infinity features are missing values; widths may vary");
        assertEquals(8, r.records());
        assertEquals(6, r.errorCount());
        assertEquals(0, r.warningCount());
        assertEquals("xgboost", new TabularValidator(TabularAlgorithm.XGBOOST,
                TabularValidatorOptions.defaults()).algorithm());
    }

    @Test
    void linearLearnerNeedsFiniteFeaturesAndAConstantWidth() {
        ValidationReport r = validate(TabularAlgorithm.LINEAR_LEARNER, TabularValidatorOptions.defaults(),
                at(dense(l(1), 1, 2, 3),
                        dense(l(0), 1, Double.NaN, 3),
                        dense(l(0), 1, 2, Double.NEGATIVE_INFINITY),
                        dense(l(1), 1, 2, 3, 4),
                        sparse(1, 3, new int[] {0, 2}, new float[] {1, Float.POSITIVE_INFINITY}),
                        dense(l(1), 1, 2),
                        dense(l(0), 9, 9, 9, 9)));
        assertEquals(List.of(
                "f:2:10: record 1: ERROR NON_FINITE_FEATURE: feature 1 is missing (empty field or NaN); "
                        + "linear-learner needs every feature value present and finite",
                "f:3:20: record 2: ERROR NON_FINITE_FEATURE: feature 2 is -Infinity; linear-learner needs every "
                        + "feature value present and finite",
                "f:5:40: record 4: ERROR NON_FINITE_FEATURE: feature 2 is Infinity; linear-learner needs every "
                        + "feature value present and finite",
                "f:4:30: record 3: ERROR FEATURE_WIDTH_MISMATCH: record has 4 features, the first had 3 "
                        + "(feature_dim must be constant)",
                "f:7:60: record 6: ERROR FEATURE_WIDTH_MISMATCH: record has 4 features, the first had 3 "
                        + "(feature_dim must be constant)",
                "f:6:50: record 5: ERROR FEATURE_WIDTH_MISMATCH: record has 2 features, the first had 3 "
                        + "(feature_dim must be constant)"),
                lines(r));
        assertEquals(6, r.errorCount());
        assertEquals(3, r.withCode(TabularValidator.FEATURE_WIDTH_MISMATCH).size());
    }

    @Test
    void featureDimBoundsSparseIndicesAndDenseWidthsForEveryAlgorithm() {
        TabularValidatorOptions o = TabularValidatorOptions.defaults().withFeatureDim(5);
        List<At> rows = at(sparse(1, 0, new int[] {0, 4}, new float[] {1, 2}),
                sparse(1, 0, new int[] {1, 5}, new float[] {1, 2}),
                dense(l(0), 1, 2, 3, 4),
                dense(l(0), 1, 2, 3, 4, 5),
                sparse(0, 7, new int[] {1}, new float[] {1}));
        ValidationReport xgb = validate(TabularAlgorithm.XGBOOST, o, rows);
        assertEquals(List.of(
                "f:2:10: record 1: ERROR FEATURE_INDEX_OUT_OF_RANGE: feature index 5 is not below feature_dim 5",
                "f:3:20: record 2: ERROR FEATURE_WIDTH_MISMATCH: record has 4 features, feature_dim is 5 "
                        + "(feature_dim must be constant)",
                "f:5:40: record 4: ERROR FEATURE_WIDTH_MISMATCH: record has 7 features, feature_dim is 5 "
                        + "(feature_dim must be constant)"),
                lines(xgb));
        assertEquals(lines(xgb), lines(validate(TabularAlgorithm.PCA, o, rows)));
        // Without feature_dim, xgboost takes any width and a sparse row of unknown dimension is never compared.
        assertFalse(validate(TabularAlgorithm.XGBOOST, TabularValidatorOptions.defaults(), rows).hasErrors());
        assertEquals(List.of(
                "f:4:30: record 3: ERROR FEATURE_WIDTH_MISMATCH: record has 5 features, the first had 4 "
                        + "(feature_dim must be constant)",
                "f:5:40: record 4: ERROR FEATURE_WIDTH_MISMATCH: record has 7 features, the first had 4 "
                        + "(feature_dim must be constant)"),
                lines(validate(TabularAlgorithm.KMEANS, TabularValidatorOptions.defaults(), rows.subList(2, 5))));
    }

    @Test
    void float32OnlyAlgorithmsReportTheFirstFloat64RowOnce() {
        List<At> rows = at(dense(l(1), 1, 2), dense64(0, 1, 2), dense64(1, 3, 4));
        ValidationReport fm = validate(TabularAlgorithm.FACTORIZATION_MACHINES, TabularValidatorOptions.defaults(),
                rows);
        assertEquals(List.of("f:2:10: record 1: ERROR NOT_FLOAT32: factorization-machines takes float32 tensors "
                + "only; these features are not float32"), lines(fm));
        assertEquals(1, fm.errorCount());
        assertFalse(validate(TabularAlgorithm.KMEANS, TabularValidatorOptions.defaults(), rows).hasErrors());
        assertFalse(validate(TabularAlgorithm.XGBOOST, TabularValidatorOptions.defaults(), rows).hasErrors());
    }

    @Test
    void unsupervisedAlgorithmsTakeUnlabelledRowsSupervisedOnesDoNot() {
        List<At> rows = at(dense(l(), 1, 2), dense(l(), 3, 4));
        assertFalse(validate(TabularAlgorithm.KMEANS, TabularValidatorOptions.defaults(), rows).hasErrors());
        assertFalse(validate(TabularAlgorithm.PCA, TabularValidatorOptions.defaults(), rows).hasErrors());
        ValidationReport knn = validate(TabularAlgorithm.KNN, TabularValidatorOptions.defaults(), rows);
        assertEquals(2, knn.withCode(TabularValidator.MISSING_LABEL).size());
        assertEquals(2, knn.records());
    }

    @Test
    void problemsBeyondMaxKeptAreCountedNotKept() {
        List<LabeledRow> rows = new ArrayList<>();
        rows.add(dense(l(0), 1, 2));
        for (int i = 0; i < 5; i++) {
            rows.add(dense(l(0), 1, 2, 3));
            rows.add(dense(l(Double.NaN), 1, 2));
        }
        ValidationReport r = validate(TabularAlgorithm.PCA, TabularValidatorOptions.defaults().withMaxKept(3),
                at(rows.toArray(new LabeledRow[0])));
        assertEquals(10, r.errorCount(), "5 NaN labels + 5 rows of width 3");
        assertEquals(3, r.problems().size());
        assertEquals(List.of(TabularValidator.NON_FINITE_LABEL), r.problems().stream()
                .map(ValidationProblem::code).distinct().toList());
        assertEquals(11, r.records());
    }

    /** Random rows that break every rule now and then; widths drawn from a few values so groups form and shift. */
    private static List<At> randomRows(Random rnd, int n) {
        List<At> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LabeledRow r = new LabeledRow();
            int labels = rnd.nextInt(10) == 0 ? rnd.nextInt(3) : 1;
            for (int k = 0; k < labels; k++) {
                r.addLabel(rnd.nextInt(12) == 0 ? Double.NaN : rnd.nextInt(5) - 1);
            }
            int w = 2 + rnd.nextInt(3);
            if (rnd.nextBoolean()) {
                double[] v = new double[w];
                for (int k = 0; k < w; k++) {
                    v[k] = rnd.nextInt(15) == 0 ? Double.NaN : k;
                }
                r.setFeatures(rnd.nextInt(8) == 0 ? DenseVector.ofFloat64(v) : DenseVector.ofFloat32(toFloat(v)));
            } else {
                r.setFeatures(SparseVector.ofFloat32(rnd.nextInt(4) == 0 ? 0 : w, new int[] {w - 1},
                        new float[] {rnd.nextInt(15) == 0 ? Float.POSITIVE_INFINITY : 1}));
            }
            out.add(new At(r, pos(i)));
        }
        return out;
    }

    @Test
    void validatingPartsAndMergingEqualsValidatingTheWhole() {
        Random rnd = new Random(11);
        for (int round = 0; round < 20; round++) {
            List<At> rows = randomRows(rnd, 1 + rnd.nextInt(40));
            for (TabularAlgorithm a : TabularAlgorithm.values()) {
                for (TabularValidatorOptions o : List.of(TabularValidatorOptions.defaults().withNumClasses(3),
                        TabularValidatorOptions.defaults().withFeatureDim(3).withMaxKept(4),
                        TabularValidatorOptions.defaults().withMaxKept(2))) {
                    ValidationReport whole = validate(a, o, rows);
                    for (int cut = 0; cut <= rows.size(); cut++) {
                        int cut2 = cut + (rows.size() - cut) / 2;
                        TabularValidator first = new TabularValidator(a, o);
                        TabularValidator second = new TabularValidator(a, o);
                        TabularValidator third = new TabularValidator(a, o);
                        for (int i = 0; i < rows.size(); i++) {
                            (i < cut ? first : i < cut2 ? second : third).check(rows.get(i).row(),
                                    rows.get(i).position());
                        }
                        second.merge(third);
                        first.merge(second);
                        ValidationReport merged = first.finish();
                        String where = a + " " + o + " cut " + cut + "/" + cut2 + " of " + rows.size();
                        assertEquals(lines(whole), lines(merged), where);
                        assertEquals(whole.errorCount(), merged.errorCount(), where);
                        assertEquals(whole.records(), merged.records(), where);
                    }
                }
            }
        }
    }

    @Test
    void partsShippedAsSerializedValidatorsMergeAsTheWhole() throws Exception {
        Random rnd = new Random(5);
        List<At> rows = randomRows(rnd, 60);
        for (TabularAlgorithm a : TabularAlgorithm.values()) {
            TabularValidatorOptions o = TabularValidatorOptions.defaults().withNumClasses(2).withMaxKept(5);
            ValidationReport whole = validate(a, o, rows);
            TabularValidator first = new TabularValidator(a, o);
            TabularValidator second = new TabularValidator(a, o);
            for (int i = 0; i < rows.size(); i++) {
                (i < 25 ? first : second).check(rows.get(i).row(), rows.get(i).position());
            }
            // As a Spark task's result: each part travels as bytes, the merge happens on the receiving side.
            TabularValidator merged = roundTrip(first);
            merged.merge(roundTrip(second));
            ValidationReport r = merged.finish();
            assertEquals(lines(whole), lines(r), a.toString());
            assertEquals(whole.records(), r.records(), a.toString());
            assertEquals(whole.errorCount(), r.errorCount(), a.toString());
            assertTrue(whole.errorCount() > 0, a.toString());
            // a shipped validator goes on checking (its transient width cache starts empty)
            TabularValidator more = roundTrip(new TabularValidator(a, o));
            more.check(dense(l(1), 1, 2), pos(0));
            more.check(dense(l(1), 1, 2, 3), pos(1));
            assertEquals(a.fixedWidth() ? 1 : 0, more.finish().withCode(TabularValidator.FEATURE_WIDTH_MISMATCH).size());
            ValidationReport shipped = roundTrip(whole);
            assertEquals(lines(whole), lines(shipped));
            assertEquals(whole.errorCount(), shipped.errorCount());
            assertEquals(whole.warningCount(), shipped.warningCount());
        }
    }

    @Test
    void positionsWithoutByteOffsetPrintTheSourceAndRecord() {
        // A DataFrame row has no file offset: the source names the partition, the record index is in it.
        SourcePosition p = new SourcePosition("partition 2", SourcePosition.UNKNOWN, 5, SourcePosition.UNKNOWN);
        assertEquals("partition 2: record 5: ERROR NON_FINITE_LABEL: label is NaN",
                new ValidationProblem(TabularValidator.NON_FINITE_LABEL, ValidationProblem.Severity.ERROR, p,
                        "label is NaN").toString());
        assertEquals("f:3:7", SourcePosition.ofLine("f", 7, 2, 3).toString());
        assertEquals("f:7", SourcePosition.ofRecord("f", 7, 2).toString());
    }

    @SuppressWarnings("unchecked")
    private static <T extends java.io.Serializable> T roundTrip(T value) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void mergeKeepsTheFirstPartsWidthAsTheReference() {
        TabularValidatorOptions o = TabularValidatorOptions.defaults();
        TabularValidator a = new TabularValidator(TabularAlgorithm.KNN, o);
        TabularValidator b = new TabularValidator(TabularAlgorithm.KNN, o);
        a.check(dense(l(1), 1, 2), pos(0));
        a.check(dense(l(1), 1, 2), pos(1));
        b.check(dense(l(1), 1, 2, 3), pos(2)); // b's own first width: fine alone
        b.check(dense(l(1), 1, 2), pos(3));    // a mismatch in b alone
        b.check(dense(l(1), 1, 2, 3), pos(4));
        a.merge(b);
        ValidationReport r = a.finish();
        assertEquals(List.of(
                "f:3:20: record 2: ERROR FEATURE_WIDTH_MISMATCH: record has 3 features, the first had 2 "
                        + "(feature_dim must be constant)",
                "f:5:40: record 4: ERROR FEATURE_WIDTH_MISMATCH: record has 3 features, the first had 2 "
                        + "(feature_dim must be constant)"), lines(r));
        assertEquals(5, r.records());
    }

    @Test
    void lifecycleAndMergeCompatibilityAreChecked() {
        TabularValidatorOptions o = TabularValidatorOptions.defaults();
        TabularValidator v = new TabularValidator(TabularAlgorithm.PCA, o);
        assertThrows(IllegalArgumentException.class, () -> v.merge(v));
        assertThrows(IllegalArgumentException.class,
                () -> v.merge(new TabularValidator(TabularAlgorithm.KMEANS, o)));
        assertThrows(IllegalArgumentException.class,
                () -> v.merge(new TabularValidator(TabularAlgorithm.PCA, o.withFeatureDim(4))));
        TabularValidator done = new TabularValidator(TabularAlgorithm.PCA, o);
        done.finish();
        assertThrows(IllegalStateException.class, () -> v.merge(done));
        assertThrows(IllegalStateException.class, done::finish);
        assertThrows(IllegalStateException.class, () -> done.check(dense(l(), 1), pos(0)));
        assertThrows(IllegalArgumentException.class, () -> o.withNumClasses(-1));
        assertThrows(IllegalArgumentException.class, () -> o.withFeatureDim(-1));
        assertTrue(v.finish().problems().isEmpty());
    }

    @Test
    void algorithmsParseTheirSageMakerNames() {
        assertEquals(TabularAlgorithm.LINEAR_LEARNER, TabularAlgorithm.of("Linear_Learner"));
        assertEquals(TabularAlgorithm.FACTORIZATION_MACHINES, TabularAlgorithm.of("factorization-machines"));
        assertEquals("knn", TabularAlgorithm.KNN.toString());
        assertThrows(IllegalArgumentException.class, () -> TabularAlgorithm.of("deepar"));
        assertTrue(TabularAlgorithm.KNN.float32Only());
        assertFalse(TabularAlgorithm.XGBOOST.finiteFeatures());
        assertFalse(TabularAlgorithm.PCA.needsLabel());
    }
}
