package io.mlformats.recordio.protobuf;

import io.mlformats.core.FormatException;
import io.mlformats.core.SourcePosition;

/** Strict-mode checks of tensor semantics (see {@link RecordProtobufReader}). Stateless. */
final class RecordValidation {
    private RecordValidation() {
    }

    static void check(RecordView r, String source, long offset, long index) throws FormatException {
        for (int i = 0; i < r.featureCount(); i++) {
            checkTensor(r.feature(i), "features", r.featureEntries(), i, r, source, offset, index);
        }
        for (int i = 0; i < r.labelCount(); i++) {
            checkTensor(r.label(i), "label", r.labelEntries(), i, r, source, offset, index);
        }
    }

    private static void checkTensor(TensorView t, String map, RecordView.Entries e, int i, RecordView r,
            String source, long offset, long index) throws FormatException {
        if (t.type() == TensorType.BYTES || t.type() == TensorType.NONE) {
            return;
        }
        int keys = t.keyCount();
        if (keys == 0 && (t.size() == 0 || t.shapeSize() == 0)) {
            return;
        }
        long product = 1;
        boolean overflow = false;
        for (int d = 0; d < t.shapeSize(); d++) {
            long dim = t.shape(d);
            long hi = Math.multiplyHigh(product, dim) + ((product >> 63) & dim) + ((dim >> 63) & product);
            if (hi != 0) {
                overflow = true;
            }
            product *= dim;
        }
        if (keys == 0) {
            if (!overflow && Long.compareUnsigned(product, t.size()) != 0) {
                throw fail(source, offset, index, map, e.name(i), "dense tensor has " + t.size()
                        + " values but its shape has " + Long.toUnsignedString(product) + " elements");
            }
            return;
        }
        if (keys != t.size()) {
            throw fail(source, offset, index, map, e.name(i), "sparse tensor has " + keys + " keys and "
                    + t.size() + " values; expected as many keys as values");
        }
        if (t.shapeSize() == 0) {
            throw fail(source, offset, index, map, e.name(i), "sparse tensor has keys but no shape");
        }
        if (overflow) {
            return;
        }
        for (int k = 0; k < keys; k++) {
            if (Long.compareUnsigned(t.key(k), product) >= 0) {
                throw fail(source, offset, index, map, e.name(i), "key " + Long.toUnsignedString(t.key(k))
                        + " at position " + k + " is not below product(shape) = " + Long.toUnsignedString(product));
            }
        }
    }

    private static FormatException fail(String source, long offset, long index, String map, String name,
            String detail) {
        return new FormatException(SourcePosition.ofRecord(source, offset, index),
                map + "['" + name + "']: " + detail);
    }
}
