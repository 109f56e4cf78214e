package io.mlformats.cli;

import io.mlformats.cli.convert.Row;
import java.util.Map;
import java.util.TreeMap;

/** Statistics over feature rows for {@code inspect} and {@code validate}. Not thread-safe. */
final class RowStats {
    private static final int MAX_DISTINCT_LABELS = 50;

    long records;
    long maxWidth;
    long minWidth = Long.MAX_VALUE;
    long nnzTotal;
    long nnzMin = Long.MAX_VALUE;
    long nnzMax;
    long sparseRows;
    long denseRows;
    long unlabelled;
    long multiLabel;
    long weighted;
    long nonFiniteLabels;
    long nonFiniteValues;
    double labelMin = Double.POSITIVE_INFINITY;
    double labelMax = Double.NEGATIVE_INFINITY;
    final TreeMap<Double, Long> labels = new TreeMap<>();
    boolean labelsContinuous;

    void add(Row r) {
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
    Map<Double, Long> labelCounts() {
        return labels;
    }

    double nnzMean() {
        return records == 0 ? 0 : (double) nnzTotal / records;
    }

    boolean integerLabels() {
        for (double l : labels.keySet()) {
            if (l != Math.rint(l)) {
                return false;
            }
        }
        return !labelsContinuous;
    }
}
