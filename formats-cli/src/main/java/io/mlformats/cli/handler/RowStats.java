package io.mlformats.cli.handler;

import io.mlformats.core.vector.LabeledRow;
import java.util.Map;
import java.util.TreeMap;

/** Statistics over feature rows for {@code inspect}. Not thread-safe. */
public final class RowStats {
    private static final int MAX_DISTINCT_LABELS = 50;

    /** Rows seen. */
    public long records;
    /** Largest row width. */
    public long maxWidth;
    /** Smallest row width. */
    public long minWidth = Long.MAX_VALUE;
    /** Stored entries over all rows. */
    public long nnzTotal;
    /** Fewest stored entries in a row. */
    public long nnzMin = Long.MAX_VALUE;
    /** Most stored entries in a row. */
    public long nnzMax;
    /** Rows with sparse features. */
    public long sparseRows;
    /** Rows with dense features. */
    public long denseRows;
    /** Rows without a label. */
    public long unlabelled;
    /** Rows with a label list. */
    public long multiLabel;
    /** Rows with an instance weight. */
    public long weighted;
    /** NaN or infinite labels. */
    public long nonFiniteLabels;
    /** Non-finite feature values. */
    public long nonFiniteValues;
    /** Smallest finite label. */
    public double labelMin = Double.POSITIVE_INFINITY;
    /** Largest finite label. */
    public double labelMax = Double.NEGATIVE_INFINITY;
    private final TreeMap<Double, Long> labels = new TreeMap<>();
    /** True once more than 50 distinct labels were seen. */
    public boolean labelsContinuous;

    /** Adds one row. */
    public void add(LabeledRow r) {
        records++;
        long w = r.width();
        maxWidth = Math.max(maxWidth, w);
        minWidth = Math.min(minWidth, w);
        int nnz = r.stored();
        nnzTotal += nnz;
        nnzMin = Math.min(nnzMin, nnz);
        nnzMax = Math.max(nnzMax, nnz);
        if (r.isSparse()) {
            sparseRows++;
            for (int i = 0; i < r.sparse().nnz(); i++) {
                if (!Double.isFinite(r.sparse().value(i))) {
                    nonFiniteValues++;
                }
            }
        } else {
            denseRows++;
            for (int i = 0; i < r.dense().size(); i++) {
                double v = r.dense().value(i);
                if (Double.isInfinite(v)) {
                    nonFiniteValues++;
                }
            }
        }
        if (r.hasWeight()) {
            weighted++;
        }
        if (r.labelCount() == 0) {
            unlabelled++;
        } else if (r.labelCount() > 1) {
            multiLabel++;
        }
        for (int i = 0; i < r.labelCount(); i++) {
            double l = r.label(i);
            if (!Double.isFinite(l)) {
                nonFiniteLabels++;
                continue;
            }
            labelMin = Math.min(labelMin, l);
            labelMax = Math.max(labelMax, l);
            if (!labelsContinuous) {
                labels.merge(l, 1L, Long::sum);
                if (labels.size() > MAX_DISTINCT_LABELS) {
                    labelsContinuous = true;
                    labels.clear();
                }
            }
        }
    }

    /** Label values seen (when at most 50 distinct), with counts. */
    public Map<Double, Long> labelCounts() {
        return labels;
    }

    /** Mean stored entries per row; 0 without rows. */
    public double nnzMean() {
        return records == 0 ? 0 : (double) nnzTotal / records;
    }
}
