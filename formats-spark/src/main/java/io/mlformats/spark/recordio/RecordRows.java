package io.mlformats.spark.recordio;

import io.mlformats.spark.internal.Columns;

import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.recordio.protobuf.RecordView;
import io.mlformats.recordio.protobuf.TensorType;
import io.mlformats.recordio.protobuf.TensorView;
import io.mlformats.spark.internal.SplitInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Rows of whole SageMaker Records ({@code recordType=Record}): {@code features} and {@code label} as
 * {@code map<string, tensor>} plus {@code uid}, {@code metadata}, {@code configuration}. Every tensor keeps its
 * type: float32/float64 values in {@code values} (widened exactly), int32 values in {@code int32Values}, byte
 * strings in {@code bytes}; {@code keys} and {@code shape} are the stored unsigned 64-bit numbers (as bigint).
 * Map keys and strings are decoded per record, so this path allocates; LabeledVector is the lean one. The row
 * is reused. One per task thread.
 */
final class RecordRows extends RecordIoRows {
    private static final int FEATURES = 0;
    private static final int LABEL = 1;
    private static final int UID = 2;
    private static final int METADATA = 3;
    private static final int CONFIGURATION = 4;
    private static final String[] COLUMNS = {"features", "label", "uid", "metadata", "configuration"};
    private static final ArrayData EMPTY_LONGS = UnsafeArrayData.fromPrimitiveArray(new long[0]);

    private final RecordProtobufReader reader;
    private final int[] columns;
    private final GenericInternalRow row;
    private double[] doubles = new double[16];
    private int[] ints = new int[16];
    private long[] longs = new long[16];

    RecordRows(SplitInput input, RecordProtobufReader reader, StructType required) {
        super(input, reader, reader.stats());
        this.reader = reader;
        this.columns = new int[COLUMNS.length];
        for (int c = 0; c < COLUMNS.length; c++) {
            columns[c] = Columns.indexOf(required, COLUMNS[c]);
        }
        this.row = new GenericInternalRow(required.length());
    }

    /** The column names of the Record schema, in schema order. */
    static String[] columns() {
        return COLUMNS.clone();
    }

    @Override
    public InternalRow next() throws IOException {
        if (!reader.next()) {
            return null;
        }
        RecordView rec = reader.current();
        for (int c = 0; c < COLUMNS.length; c++) {
            int ordinal = columns[c];
            if (ordinal < 0) {
                continue;
            }
            Object value = switch (c) {
                case FEATURES -> features(rec);
                case LABEL -> labels(rec);
                case UID -> rec.hasUid() ? UTF8String.fromString(rec.uid()) : null;
                case METADATA -> rec.hasMetadata() ? UTF8String.fromString(rec.metadata()) : null;
                default -> rec.hasConfiguration() ? UTF8String.fromString(rec.configuration()) : null;
            };
            row.update(ordinal, value);
        }
        return row;
    }

    private MapData features(RecordView rec) {
        int n = rec.featureCount();
        Object[] names = new Object[n];
        Object[] tensors = new Object[n];
        for (int i = 0; i < n; i++) {
            names[i] = UTF8String.fromString(rec.featureName(i));
            tensors[i] = tensor(rec.feature(i));
        }
        return new ArrayBasedMapData(new GenericArrayData(names), new GenericArrayData(tensors));
    }

    private MapData labels(RecordView rec) {
        int n = rec.labelCount();
        Object[] names = new Object[n];
        Object[] tensors = new Object[n];
        for (int i = 0; i < n; i++) {
            names[i] = UTF8String.fromString(rec.labelName(i));
            tensors[i] = tensor(rec.label(i));
        }
        return new ArrayBasedMapData(new GenericArrayData(names), new GenericArrayData(tensors));
    }

    private InternalRow tensor(TensorView t) {
        GenericInternalRow s = new GenericInternalRow(7);
        TensorType type = t.type();
        s.update(0, type == TensorType.NONE ? null : UTF8String.fromString(type.name().toLowerCase(Locale.ROOT)));
        int n = t.size();
        if (type == TensorType.FLOAT32 || type == TensorType.FLOAT64) {
            if (doubles.length < n) {
                doubles = new double[Math.max(n, doubles.length * 2)];
            }
            t.copyTo(doubles, 0);
            s.update(1, UnsafeArrayData.fromPrimitiveArray(doubles, org.apache.spark.unsafe.Platform.DOUBLE_ARRAY_OFFSET,
                    n, 8));
        } else if (type == TensorType.INT32) {
            if (ints.length < n) {
                ints = new int[Math.max(n, ints.length * 2)];
            }
            t.copyTo(ints, 0);
            s.update(2, UnsafeArrayData.fromPrimitiveArray(ints, org.apache.spark.unsafe.Platform.INT_ARRAY_OFFSET,
                    n, 4));
        } else if (type == TensorType.BYTES) {
            Object[] bytes = new Object[n];
            for (int i = 0; i < n; i++) {
                ByteBuffer b = t.bytes(i);
                byte[] copy = new byte[b.remaining()];
                b.get(copy);
                bytes[i] = copy;
            }
            s.update(5, new GenericArrayData(bytes));
            s.update(6, t.hasContentType() ? UTF8String.fromString(t.contentType()) : null);
        }
        s.update(3, longs(t.keyCount(), true, t));
        s.update(4, longs(t.shapeSize(), false, t));
        return s;
    }

    private ArrayData longs(int n, boolean keys, TensorView t) {
        if (n == 0) {
            return EMPTY_LONGS;
        }
        if (longs.length < n) {
            longs = new long[Math.max(n, longs.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            longs[i] = keys ? t.key(i) : t.shape(i);
        }
        return UnsafeArrayData.fromPrimitiveArray(longs, org.apache.spark.unsafe.Platform.LONG_ARRAY_OFFSET, n, 8);
    }
}
