package io.mlformats.core.validate;

import io.mlformats.core.SourcePosition;
import io.mlformats.core.text.NumberFormatter;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks labelled feature rows (LibSVM, CSV, RecordIO-protobuf, Parquet: any {@link LabeledRow} producer) against
 * what a {@link TabularAlgorithm} accepts. Problem codes (all errors):
 * <ul>
 *   <li>{@code MISSING_LABEL}: the algorithm needs a label and the row has none;</li>
 *   <li>{@code MULTIPLE_LABELS}: the algorithm takes one label and the row has a label list;</li>
 *   <li>{@code NON_FINITE_LABEL}: a label is NaN or infinite;</li>
 *   <li>{@code LABEL_NOT_A_CLASS}: with {@code numClasses} set, a label is not an integer in
 *       {@code 0..numClasses-1};</li>
 *   <li>{@code NON_FINITE_FEATURE}: a feature value is NaN (missing) or infinite, for every algorithm but
 *       XGBoost, which reads those as missing;</li>
 *   <li>{@code FEATURE_INDEX_OUT_OF_RANGE}: with {@code featureDim} set, a sparse index is not below it;</li>
 *   <li>{@code FEATURE_WIDTH_MISMATCH} (dataset rule): a row's width differs from {@code featureDim}, or when
 *       that is not set from the first row's, for the algorithms that need a constant {@code feature_dim} (and
 *       for every algorithm when {@code featureDim} is set). Rows of unknown width (sparse rows without a
 *       declared dimension) are not compared;</li>
 *   <li>{@code NOT_FLOAT32} (dataset rule): features are not float32 and the algorithm takes float32 tensors
 *       only; reported once, at the first such row.</li>
 * </ul>
 *
 * <p>The report lists the row problems in the order found, then the dataset problems ({@link #finish()}), so
 * that validating parts and {@link #merge merging} them gives exactly the report of validating the whole in
 * order: the same counts, the same first width, the same kept problems. Memory is bounded by the options'
 * {@code maxKept} positions per distinct row width. No allocation per valid row beyond the first
 * {@code maxKept}. Not thread-safe: one validator per thread, merged afterwards.
 *
 * <p>Serializable, so that parts validated elsewhere (Spark tasks, other processes) can be shipped to be merged;
 * the serialized form is for that transfer only, not for storage: read it with the same library version.
 *
 * @serial exclude (a transfer form between parts of one validation, not an archival format)
 */
public final class TabularValidator implements AlgorithmValidator<LabeledRow>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Problem code: the algorithm needs a label and the row has none. */
    public static final String MISSING_LABEL = "MISSING_LABEL";
    /** Problem code: a label list where one label is taken. */
    public static final String MULTIPLE_LABELS = "MULTIPLE_LABELS";
    /** Problem code: a NaN or infinite label. */
    public static final String NON_FINITE_LABEL = "NON_FINITE_LABEL";
    /** Problem code: a label that is not an integer in {@code 0..numClasses-1}. */
    public static final String LABEL_NOT_A_CLASS = "LABEL_NOT_A_CLASS";
    /** Problem code: a NaN (missing) or infinite feature value. */
    public static final String NON_FINITE_FEATURE = "NON_FINITE_FEATURE";
    /** Problem code: a sparse feature index not below {@code featureDim}. */
    public static final String FEATURE_INDEX_OUT_OF_RANGE = "FEATURE_INDEX_OUT_OF_RANGE";
    /** Problem code: a row whose width differs from {@code feature_dim}. */
    public static final String FEATURE_WIDTH_MISMATCH = "FEATURE_WIDTH_MISMATCH";
    /** Problem code: features that are not float32 for an algorithm that takes float32 tensors only. */
    public static final String NOT_FLOAT32 = "NOT_FLOAT32";

    private final TabularAlgorithm algorithm;
    private final TabularValidatorOptions options;
    private final ValidationReport report;
    /** Rows by width, in order of first appearance (with featureDim set: only the widths that differ from it). */
    private final Map<Long, WidthGroup> widths = new LinkedHashMap<>();
    /** The most recent group hit: rows of one width in a row cost a comparison. */
    private transient WidthGroup last;
    private SourcePosition firstNotFloat32;
    private boolean finished;

    /**
     * A validator for {@code algorithm} with {@code options} ({@link TabularValidatorOptions#defaults()}).
     *
     * @param algorithm the algorithm whose rules rows are checked against; not null
     * @param options the hyperparameters and report size; not null
     * @throws NullPointerException if {@code algorithm} or {@code options} is null
     */
    public TabularValidator(TabularAlgorithm algorithm, TabularValidatorOptions options) {
        if (algorithm == null || options == null) {
            throw new NullPointerException("algorithm and options are required");
        }
        this.algorithm = algorithm;
        this.options = options;
        this.report = new ValidationReport(options.maxKept());
    }

    /**
     * The algorithm whose rules are applied.
     *
     * @return the algorithm given to the constructor
     */
    public TabularAlgorithm tabularAlgorithm() {
        return algorithm;
    }

    /**
     * The options rows are checked against.
     *
     * @return the options given to the constructor
     */
    public TabularValidatorOptions options() {
        return options;
    }

    @Override
    public String algorithm() {
        return algorithm.sageMakerName();
    }

    @Override
    public void check(LabeledRow row, SourcePosition position) {
        requireOpen();
        report.countRecord();
        String name = algorithm.sageMakerName();
        if (algorithm.needsLabel() && row.labelCount() == 0) {
            error(MISSING_LABEL, position, "record has no label; " + name + " needs one");
        } else if (algorithm.needsLabel() && row.isMultiLabel()) {
            error(MULTIPLE_LABELS, position, "record has " + row.labelCount() + " labels; " + name + " takes one");
        }
        int numClasses = options.numClasses();
        for (int i = 0; i < row.labelCount(); i++) {
            double l = row.label(i);
            if (!Double.isFinite(l)) {
                error(NON_FINITE_LABEL, position, "label is " + l);
            } else if (numClasses > 0 && (l != Math.rint(l) || l < 0 || l >= numClasses)) {
                error(LABEL_NOT_A_CLASS, position, "label " + NumberFormatter.toString(l) + " is not an integer in 0.."
                        + (numClasses - 1) + " (num_classes " + numClasses + ")");
            }
        }
        if (algorithm.finiteFeatures()) {
            String bad = row.isSparse() ? nonFinite(row.sparse()) : nonFinite(row.dense());
            if (bad != null) {
                error(NON_FINITE_FEATURE, position, bad + "; " + name
                        + " needs every feature value present and finite");
            }
        }
        long featureDim = options.featureDim();
        if (algorithm.fixedWidth() || featureDim > 0) {
            SparseVector s = row.isSparse() ? row.sparse() : null;
            long w = s != null ? s.dimension() : row.dense().size();
            if (s != null && featureDim > 0 && s.nnz() > 0 && s.index(s.nnz() - 1) >= featureDim) {
                error(FEATURE_INDEX_OUT_OF_RANGE, position, "feature index " + s.index(s.nnz() - 1)
                        + " is not below feature_dim " + featureDim);
            } else if (w > 0 && w != featureDim) {
                width(w, position);
            }
        }
        if (algorithm.float32Only() && firstNotFloat32 == null && row.valueType() != ValueType.FLOAT32) {
            firstNotFloat32 = position;
        }
    }

    private void width(long w, SourcePosition position) {
        WidthGroup g = last;
        if (g == null || g.width != w) {
            g = widths.get(w);
            if (g == null) {
                g = new WidthGroup(w);
                widths.put(w, g);
            }
            last = g;
        }
        g.count++;
        if (g.positions.size() < options.maxKept()) {
            g.positions.add(position);
        }
    }

    private static String nonFinite(SparseVector v) {
        for (int i = 0; i < v.nnz(); i++) {
            double x = v.value(i);
            if (!Double.isFinite(x)) {
                return "feature " + v.index(i) + " is " + x;
            }
        }
        return null;
    }

    private static String nonFinite(DenseVector v) {
        for (int i = 0; i < v.size(); i++) {
            double x = v.value(i);
            if (!Double.isFinite(x)) {
                return "feature " + i + (x != x ? " is missing (empty field or NaN)" : " is " + x);
            }
        }
        return null;
    }

    private void error(String code, SourcePosition position, String message) {
        report.add(new ValidationProblem(code, ValidationProblem.Severity.ERROR, position, message));
    }

    /**
     * Adds what {@code other} saw: its row problems after this validator's, its row widths (this validator's
     * first width stays the reference when it has one) and its first non-float32 row if this had none. Merge
     * parts in input order for the report to match validating the whole. {@code other} must not be used
     * afterwards.
     *
     * @throws IllegalArgumentException if {@code other} is not a {@code TabularValidator} with the same algorithm
     *                                  and options, or is this validator
     * @throws IllegalStateException    if either has finished
     */
    @Override
    public void merge(AlgorithmValidator<LabeledRow> other) {
        if (!(other instanceof TabularValidator t) || t == this || t.algorithm != algorithm
                || !t.options.equals(options)) {
            throw new IllegalArgumentException("can only merge another TabularValidator for " + algorithm
                    + " with the same options");
        }
        requireOpen();
        t.requireOpen();
        report.merge(t.report);
        for (WidthGroup g : t.widths.values()) {
            WidthGroup mine = widths.get(g.width);
            if (mine == null) {
                mine = new WidthGroup(g.width);
                widths.put(g.width, mine);
            }
            mine.count += g.count;
            for (SourcePosition p : g.positions) {
                if (mine.positions.size() >= options.maxKept()) {
                    break;
                }
                mine.positions.add(p);
            }
        }
        if (firstNotFloat32 == null) {
            firstNotFloat32 = t.firstNotFloat32;
        }
    }

    /**
     * Adds the dataset problems ({@code FEATURE_WIDTH_MISMATCH} per differing width, in order of first
     * appearance; {@code NOT_FLOAT32}) and returns the report.
     *
     * @throws IllegalStateException if called twice
     */
    @Override
    public ValidationReport finish() {
        requireOpen();
        finished = true;
        long featureDim = options.featureDim();
        long reference = featureDim;
        for (WidthGroup g : widths.values()) {
            if (reference <= 0) {
                reference = g.width; // the first width seen is what the others must match
                continue;
            }
            String expected = featureDim > 0 ? "feature_dim is " + featureDim : "the first had " + reference;
            for (SourcePosition p : g.positions) {
                error(FEATURE_WIDTH_MISMATCH, p, "record has " + g.width + " features, " + expected
                        + " (feature_dim must be constant)");
            }
            report.countUnkept(ValidationProblem.Severity.ERROR, g.count - g.positions.size());
        }
        if (firstNotFloat32 != null) {
            error(NOT_FLOAT32, firstNotFloat32, algorithm.sageMakerName()
                    + " takes float32 tensors only; these features are not float32");
        }
        return report;
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("validator has finished");
        }
    }

    /** Rows of one width: how many, and the positions of the first {@code maxKept}. */
    private static final class WidthGroup implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final long width;
        long count;
        final List<SourcePosition> positions = new ArrayList<>();

        WidthGroup(long width) {
            this.width = width;
        }
    }
}
