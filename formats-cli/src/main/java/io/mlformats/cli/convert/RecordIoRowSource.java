package io.mlformats.cli.convert;

import io.mlformats.core.FormatException;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.recordio.protobuf.RecordView;
import io.mlformats.recordio.protobuf.TensorType;
import io.mlformats.recordio.protobuf.TensorView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rows of a RecordIO-protobuf file ({@link RecordProtobufReader}): {@code features["values"]} as a sparse row
 * (keys present, or a shape without values) or a dense row (multi-dimensional tensors flattened row-major),
 * {@code label["values"]} as the label(s). Float32 tensors give float32 rows; float64 and int32 tensors give
 * float64 rows (exact). The first record is decoded when the file is opened so that {@link #valueType()} is
 * known before the output is created. Not thread-safe.
 */
public final class RecordIoRowSource extends ReaderRowSource<RecordProtobufReader> {
    private ValueType type = ValueType.FLOAT32;
    private SparseVector sparse;
    private DenseVector dense;
    private boolean pending;
    private long width;

    private RecordIoRowSource(RecordProtobufReader reader, long size) {
        super(reader, size);
    }

    /** The feature rows of a RecordIO-protobuf file (the {@code values} tensor and its label). */
    public static RecordIoRowSource open(Path file, ConvertOptions o) throws IOException {
        RecordProtobufReader r = RecordProtobufReader.open(file, RecordProtobufReadOptions.defaults()
                .withRead(o.readOptions()));
        RecordIoRowSource s = new RecordIoRowSource(r, Files.size(file));
        try {
            s.pending = r.next();
            if (s.pending) {
                TensorView t = r.current().features();
                s.type = t != null && t.type() == TensorType.FLOAT32 ? ValueType.FLOAT32 : ValueType.FLOAT64;
                s.fill();
                s.width = s.row.width();
            }
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
        return s;
    }

    @Override
    public boolean next() throws IOException {
        if (pending) {
            pending = false;
            return true;
        }
        if (!reader.next()) {
            return false;
        }
        fill();
        return true;
    }

    private void fill() throws FormatException {
        RecordView rec = reader.current();
        row.clear();
        TensorView l = rec.label();
        if (l != null && l.type() != TensorType.BYTES && l.type() != TensorType.NONE) {
            for (int i = 0; i < l.size(); i++) {
                row.addLabel(l.value(i));
            }
        }
        TensorView t = rec.features();
        if (t == null) {
            throw new FormatException(reader.position(), "record has no features[\"values\"] tensor "
                    + "(the key SageMaker's algorithms read)");
        }
        if (t.type() == TensorType.BYTES || t.type() == TensorType.NONE) {
            throw new FormatException(reader.position(), "features[\"values\"] is a " + t.type()
                    + " tensor; feature rows need float32, float64 or int32 values");
        }
        if (type == ValueType.FLOAT32 && t.type() != TensorType.FLOAT32) {
            throw new FormatException(reader.position(), "features[\"values\"] is " + t.type()
                    + " but the first record's is FLOAT32; a file's rows must share one value type");
        }
        boolean f32 = type == ValueType.FLOAT32;
        if (t.isSparse()) {
            if (sparse == null) {
                sparse = SparseVector.of(type, 64);
            }
            sparse.clear();
            for (int i = 0; i < t.keyCount() && i < t.size(); i++) {
                long k = t.key(i);
                if (k < 0 || k > Integer.MAX_VALUE) {
                    throw new FormatException(reader.position(), "key " + Long.toUnsignedString(k)
                            + " is beyond the 2^31-1 columns a feature row can have");
                }
                if (f32) {
                    sparse.append((int) k, t.float32(i));
                } else {
                    sparse.append((int) k, t.value(i));
                }
            }
            long dim = 1;
            for (int d = 0; d < t.shapeSize(); d++) {
                dim *= t.shape(d);
            }
            sparse.setDimension(t.shapeSize() == 0 ? 0 : dim);
            row.setFeaturesAbsentZero(sparse);
        } else {
            if (dense == null) {
                dense = DenseVector.of(type, Math.max(16, t.size()));
            }
            dense.clear();
            for (int i = 0; i < t.size(); i++) {
                if (f32) {
                    dense.append(t.float32(i));
                } else {
                    dense.append(t.value(i));
                }
            }
            row.setFeatures(dense);
        }
    }

    @Override
    public ValueType valueType() {
        return type;
    }

    /** The first record's width (sparse: its shape); RecordIO files declare no width for the whole file. */
    @Override
    public long declaredWidth() {
        return width;
    }

    @Override
    public List<String> describe() {
        return List.of("content type: application/x-recordio-protobuf");
    }
}
