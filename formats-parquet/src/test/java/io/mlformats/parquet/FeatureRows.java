package io.mlformats.parquet;

import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import java.util.SplittableRandom;

/** Seeded generator of valid feature rows for round-trip tests. */
final class FeatureRows {
    private FeatureRows() {
    }

    static double value(SplittableRandom r, ValueType t) {
        double v = switch (r.nextInt(6)) {
            case 0 -> 0.0;
            case 1 -> r.nextInt(-100, 100);
            case 2 -> Double.longBitsToDouble(r.nextLong()) ;
            default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-20, 20));
        };
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            v = r.nextDouble();
        }
        return t == ValueType.FLOAT32 ? (double) (float) v : v;
    }

    static FeatureRow sparse(SplittableRandom r, ValueType t, int width, boolean weight) {
        FeatureRow row = FeatureRow.of(t);
        row.setLabel(r.nextInt(3) == 0 ? r.nextDouble() : r.nextInt(0, 5));
        if (weight) {
            row.setWeight(r.nextDouble() * 3);
        }
        SparseVector s = row.useSparse();
        for (int i = 0; i < width; i++) {
            if (r.nextInt(4) == 0) {
                s.append(i, value(r, t));
            }
        }
        return row;
    }

    static FeatureRow dense(SplittableRandom r, ValueType t, int width, boolean weight) {
        FeatureRow row = FeatureRow.of(t);
        row.setLabel(r.nextInt(0, 5));
        if (weight) {
            row.setWeight(r.nextDouble());
        }
        DenseVector d = row.useDense();
        for (int i = 0; i < width; i++) {
            d.append(value(r, t));
        }
        return row;
    }

    /** What a sparse row reads back as from a COLUMNS table: dense, absent features NaN. */
    static FeatureRow densified(FeatureRow sparse, int width) {
        FeatureRow row = FeatureRow.of(sparse.valueType());
        row.setLabel(sparse.label());
        if (sparse.hasWeight()) {
            row.setWeight(sparse.weight());
        }
        DenseVector d = row.useDense();
        int k = 0;
        SparseVector s = sparse.sparse();
        for (int i = 0; i < width; i++) {
            if (k < s.nnz() && s.index(k) == i) {
                d.append(s.value(k++));
            } else {
                d.append(Double.NaN);
            }
        }
        return row;
    }
}
