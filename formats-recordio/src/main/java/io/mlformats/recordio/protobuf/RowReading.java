package io.mlformats.recordio.protobuf;

import io.mlformats.core.FormatException;
import io.mlformats.core.InsufficientMemoryException;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import java.util.function.Supplier;

/**
 * Presents a {@link RecordView} as a {@link LabeledRow}: {@code label["values"]} as the label(s),
 * {@code features["values"]} as a sparse row whose absent entries are 0 (keys present, or a shape without values;
 * dimension = product of the shape) or a dense row (multi-dimensional tensors flattened row-major). Float32
 * tensors give float32 vectors; float64 and int32 tensors give float64 vectors (exact). Reuses one row and one
 * vector per kind: no allocation per record once the vectors have grown. Not thread-safe.
 */
final class RowReading {
    private final LabeledRow row = new LabeledRow();
    private SparseVector sparse32;
    private SparseVector sparse64;
    private DenseVector dense32;
    private DenseVector dense64;

    /**
     * Fills the row from {@code rec}; {@code at} names the record in errors (called only on an error). A tensor
     * the limits allow may still need more heap than there is (a mapped payload is not on the heap, its row is):
     * that ends as an error naming the record.
     */
    LabeledRow fill(RecordView rec, Supplier<SourcePosition> at) throws FormatException {
        try {
            return fillRow(rec, at);
        } catch (OutOfMemoryError e) {
            TensorView t = rec.features();
            long values = t == null ? 0 : Math.max(t.size(), t.keyCount());
            throw new InsufficientMemoryException(at.get(), "the feature row of " + values + " values",
                    -1, "maxArrayElements", rec.maxElements());
        }
    }

    private LabeledRow fillRow(RecordView rec, Supplier<SourcePosition> at) throws FormatException {
        row.clear();
        TensorView l = rec.label();
        if (l != null && l.type() != TensorType.BYTES && l.type() != TensorType.NONE) {
            for (int i = 0; i < l.size(); i++) {
                row.addLabel(l.value(i));
            }
        }
        TensorView t = rec.features();
        if (t == null) {
            throw new FormatException(at.get(), "record has no features[\"values\"] tensor (the key SageMaker's algorithms "
                    + "read)");
        }
        if (t.type() == TensorType.BYTES || t.type() == TensorType.NONE) {
            throw new FormatException(at.get(), "features[\"values\"] is a " + t.type()
                    + " tensor; feature rows need float32, float64 or int32 values");
        }
        boolean f32 = t.type() == TensorType.FLOAT32;
        if (t.isSparse()) {
            SparseVector v = sparse(f32);
            v.clear();
            for (int i = 0; i < t.keyCount() && i < t.size(); i++) {
                long k = t.key(i);
                if (k < 0 || k > Integer.MAX_VALUE) {
                    throw new FormatException(at.get(), "key " + Long.toUnsignedString(k)
                            + " is beyond the 2^31-1 columns a feature row can have");
                }
                if (f32) {
                    v.append((int) k, t.float32(i));
                } else {
                    v.append((int) k, t.value(i));
                }
            }
            v.setDimension(t.shapeSize() == 0 ? 0 : columns(t, at));
            row.setFeaturesAbsentZero(v);
        } else {
            DenseVector v = dense(f32, t.size());
            v.clear();
            for (int i = 0; i < t.size(); i++) {
                if (f32) {
                    v.append(t.float32(i));
                } else {
                    v.append(t.value(i));
                }
            }
            row.setFeatures(v);
        }
        return row;
    }

    private SparseVector sparse(boolean f32) {
        if (f32) {
            if (sparse32 == null) {
                sparse32 = SparseVector.of(ValueType.FLOAT32, 64);
            }
            return sparse32;
        }
        if (sparse64 == null) {
            sparse64 = SparseVector.of(ValueType.FLOAT64, 64);
        }
        return sparse64;
    }

    private DenseVector dense(boolean f32, int size) {
        if (f32) {
            if (dense32 == null) {
                dense32 = DenseVector.of(ValueType.FLOAT32, Math.max(16, size));
            }
            return dense32;
        }
        if (dense64 == null) {
            dense64 = DenseVector.of(ValueType.FLOAT64, Math.max(16, size));
        }
        return dense64;
    }

    /**
     * The number of columns a sparse tensor's shape gives a feature row: the product of its dimensions, refused
     * (not wrapped around) when it is beyond the 2^31-1 columns a row can have. Shape values are unsigned 64-bit
     * numbers on the wire; 2^64-1 must not turn into a width of 1.
     */
    private static long columns(TensorView t, Supplier<SourcePosition> at) throws FormatException {
        long product = 1;
        for (int d = 0; d < t.shapeSize(); d++) {
            long dim = t.shape(d);
            if (dim < 0 || (dim != 0 && product > Integer.MAX_VALUE / dim)) {
                StringBuilder shape = new StringBuilder();
                for (int k = 0; k < t.shapeSize(); k++) {
                    shape.append(k == 0 ? "" : ", ").append(Long.toUnsignedString(t.shape(k)));
                }
                throw new FormatException(at.get(), "features[\"values\"] has shape [" + shape + "]: more than the "
                        + "2^31-1 columns a feature row can have");
            }
            product *= dim;
        }
        return product;
    }
}
