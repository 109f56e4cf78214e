package io.mlformats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import java.util.SplittableRandom;

/** Seeded generator of valid feature rows for round-trip tests, and a row comparison. */
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

    static LabeledRow sparse(SplittableRandom r, ValueType t, int width, boolean weight) {
        LabeledRow row = new LabeledRow();
        row.addLabel(r.nextInt(3) == 0 ? r.nextDouble() : r.nextInt(0, 5));
        if (weight) {
            row.setWeight(r.nextDouble() * 3);
        }
        SparseVector s = SparseVector.of(t, 4);
        for (int i = 0; i < width; i++) {
            if (r.nextInt(4) == 0) {
                s.append(i, value(r, t));
            }
        }
        row.setFeatures(s);
        return row;
    }

    static LabeledRow dense(SplittableRandom r, ValueType t, int width, boolean weight) {
        LabeledRow row = new LabeledRow();
        row.addLabel(r.nextInt(0, 5));
        if (weight) {
            row.setWeight(r.nextDouble());
        }
        DenseVector d = DenseVector.of(t, width);
        for (int i = 0; i < width; i++) {
            d.append(value(r, t));
        }
        row.setFeatures(d);
        return row;
    }

    /** A dense float32 row {@code label, values...}. */
    static LabeledRow denseRow(double label, float... values) {
        LabeledRow row = new LabeledRow();
        row.addLabel(label);
        row.setFeatures(DenseVector.ofFloat32(values));
        return row;
    }

    /** Label, weight and features, bit for bit. */
    static void assertRow(LabeledRow expected, LabeledRow actual, String message) {
        assertEquals(expected.labelCount(), actual.labelCount(), message + ": label count");
        for (int i = 0; i < expected.labelCount(); i++) {
            assertEquals(Double.doubleToLongBits(expected.label(i)), Double.doubleToLongBits(actual.label(i)),
                    message + ": label " + i);
        }
        assertEquals(expected.hasWeight(), actual.hasWeight(), message + ": has weight");
        assertEquals(expected.weight(), actual.weight(), message + ": weight");
        assertEquals(expected.isSparse(), actual.isSparse(), message + ": sparse");
        if (expected.isSparse()) {
            assertEquals(expected.sparse(), actual.sparse(), message);
        } else {
            assertEquals(expected.dense(), actual.dense(), message);
        }
    }
}
