package io.mlformats.recordio.protobuf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A reusable view of one {@code aialgs.data.Value}: a float32, float64 or int32 tensor (values, keys, shape) or a
 * {@code Bytes} value. Owned by a {@link RecordView} and refilled for every record; valid until the record view
 * is decoded again.
 *
 * <p>Float32 and float64 values encoded as one packed run (what every writer produces) are read straight from the
 * payload bytes: {@link #float32(int)}, {@link #copyTo(float[], int)} (a bulk copy) and {@link #float32Buffer()}
 * (a view, allocated per call) never materialise an intermediate array. Other encodings (unpacked or split runs,
 * legal in protobuf) and int32 varints are decoded into arrays the view reuses. Keys and shape are unsigned 64-bit
 * values held in reused {@code long[]}s.
 *
 * <p>Dense or sparse: {@link #isSparse()} follows awslabs/ml-io: keys present, or no values but a shape (the
 * SageMaker SDK's encoding of an empty sparse row). Not thread-safe.
 */
public final class TensorView {
    private final RecordView owner;
    TensorType type = TensorType.NONE;
    private ByteBuffer buf;
    private int zcOff = -1;
    private int count;
    private boolean owned;
    private float[] f32 = new float[0];
    private double[] f64 = new double[0];
    private int[] i32 = new int[0];
    private long[] keys = new long[0];
    private int keyCount;
    private long[] shape = new long[0];
    private int shapeCount;
    private int[] bytesOff = new int[0];
    private int[] bytesLen = new int[0];
    private int bytesCount;
    private int ctOff = -1;
    private int ctLen;

    TensorView(RecordView owner) {
        this.owner = owner;
    }

    void reset(TensorType t, ByteBuffer b) {
        type = t;
        buf = b;
        zcOff = -1;
        count = 0;
        owned = false;
        keyCount = 0;
        shapeCount = 0;
        bytesCount = 0;
        ctOff = -1;
    }

    // ---------------------------------------------------------------- filled by the decoder

    void addPackedFloats(int off, int n) {
        if (count == 0 && !owned) {
            zcOff = off;
            count = n;
            return;
        }
        materialize(n);
        for (int i = 0; i < n; i++) {
            f32[count++] = buf.getFloat(off + 4 * i);
        }
    }

    void addPackedDoubles(int off, int n) {
        if (count == 0 && !owned) {
            zcOff = off;
            count = n;
            return;
        }
        materialize(n);
        for (int i = 0; i < n; i++) {
            f64[count++] = buf.getDouble(off + 8 * i);
        }
    }

    void addFloat(float v) {
        materialize(1);
        f32[count++] = v;
    }

    void addDouble(double v) {
        materialize(1);
        f64[count++] = v;
    }

    void addInt(int v) {
        if (count == i32.length) {
            int n = Math.max(16, count * 2);
            owner.growing(4L * n, "maxArrayElements");
            i32 = Arrays.copyOf(i32, n);
        }
        owned = true;
        i32[count++] = v;
    }

    private void materialize(int more) {
        if (type == TensorType.FLOAT32) {
            if (f32.length < count + more) {
                int n = Math.max(count + more, f32.length * 2);
                owner.growing(4L * n, "maxArrayElements");
                f32 = Arrays.copyOf(f32, n);
            }
            if (!owned) {
                for (int i = 0; i < count; i++) {
                    f32[i] = buf.getFloat(zcOff + 4 * i);
                }
            }
        } else {
            if (f64.length < count + more) {
                int n = Math.max(count + more, f64.length * 2);
                owner.growing(8L * n, "maxArrayElements");
                f64 = Arrays.copyOf(f64, n);
            }
            if (!owned) {
                for (int i = 0; i < count; i++) {
                    f64[i] = buf.getDouble(zcOff + 8 * i);
                }
            }
        }
        owned = true;
    }

    void addKey(long k) {
        if (keyCount == keys.length) {
            int n = Math.max(16, keyCount * 2);
            owner.growing(8L * n, "maxArrayElements");
            keys = Arrays.copyOf(keys, n);
        }
        keys[keyCount++] = k;
    }

    void addShape(long d) {
        if (shapeCount == shape.length) {
            int n = Math.max(4, shapeCount * 2);
            owner.growing(8L * n, "maxArrayElements");
            shape = Arrays.copyOf(shape, n);
        }
        shape[shapeCount++] = d;
    }

    void addBytes(int off, int len) {
        if (bytesCount == bytesOff.length) {
            int n = Math.max(4, bytesCount * 2);
            owner.growing(8L * n, "maxArrayElements");
            bytesOff = Arrays.copyOf(bytesOff, n);
            bytesLen = Arrays.copyOf(bytesLen, bytesOff.length);
        }
        bytesOff[bytesCount] = off;
        bytesLen[bytesCount++] = len;
    }

    void setContentType(int off, int len) {
        ctOff = off;
        ctLen = len;
    }

    // ---------------------------------------------------------------- accessors

    /**
     * Which tensor type the value holds.
     *
     * @return the member of the {@code Value} oneof that is set, {@link TensorType#NONE} if none
     */
    public TensorType type() {
        return type;
    }

    /**
     * Number of values (byte strings for {@link TensorType#BYTES}).
     *
     * @return the value count, 0 for {@link TensorType#NONE}
     */
    public int size() {
        return type == TensorType.BYTES ? bytesCount : count;
    }

    /**
     * True when the tensor is sparse: keys present, or no values but a shape (ml-io's rule).
     *
     * @return {@code true} for a sparse numeric tensor, {@code false} for a dense one, bytes or no value
     */
    public boolean isSparse() {
        return type != TensorType.BYTES && type != TensorType.NONE && (keyCount > 0 || (count == 0 && shapeCount > 0));
    }

    /**
     * Value {@code i} of a {@link TensorType#FLOAT32} tensor.
     *
     * @param i value index, {@code 0 <= i < size()}
     * @return the float32 value
     * @throws IllegalStateException if the tensor is not float32
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public float float32(int i) {
        expect(TensorType.FLOAT32);
        Objects.checkIndex(i, count);
        return owned ? f32[i] : buf.getFloat(zcOff + 4 * i);
    }

    /**
     * Value {@code i} of a {@link TensorType#FLOAT64} tensor.
     *
     * @param i value index, {@code 0 <= i < size()}
     * @return the float64 value
     * @throws IllegalStateException if the tensor is not float64
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public double float64(int i) {
        expect(TensorType.FLOAT64);
        Objects.checkIndex(i, count);
        return owned ? f64[i] : buf.getDouble(zcOff + 8 * i);
    }

    /**
     * Value {@code i} of a {@link TensorType#INT32} tensor.
     *
     * @param i value index, {@code 0 <= i < size()}
     * @return the int32 value
     * @throws IllegalStateException if the tensor is not int32
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public int int32(int i) {
        expect(TensorType.INT32);
        Objects.checkIndex(i, count);
        return i32[i];
    }

    /**
     * Value {@code i} of any numeric tensor, widened to double (exact for all three types).
     *
     * @param i value index, {@code 0 <= i < size()}
     * @return the value as a double
     * @throws IllegalStateException if the tensor is {@link TensorType#BYTES} or {@link TensorType#NONE}
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public double value(int i) {
        switch (type) {
            case FLOAT32:
                return float32(i);
            case FLOAT64:
                return float64(i);
            case INT32:
                return int32(i);
            default:
                throw new IllegalStateException("not a numeric tensor: " + type);
        }
    }

    /**
     * Copies the values into {@code dst} at {@code off} (float64 narrowed, int32 converted as by a cast) and
     * returns how many. For a packed float32 tensor this is a bulk copy from the payload.
     *
     * @param dst array receiving the values at {@code dst[off, off + size())}; owned by the caller
     * @param off index in {@code dst} of the first value
     * @return the number of values copied ({@link #size()})
     * @throws IndexOutOfBoundsException if {@code dst} has no room for {@link #size()} values at {@code off}
     * @throws IllegalStateException if the tensor is {@link TensorType#BYTES} or {@link TensorType#NONE}
     */
    public int copyTo(float[] dst, int off) {
        Objects.checkFromIndexSize(off, count, dst.length);
        switch (type) {
            case FLOAT32:
                if (owned) {
                    System.arraycopy(f32, 0, dst, off, count);
                } else if (count > 0) {
                    owner.floatView(buf, zcOff).get(zcOff >> 2, dst, off, count);
                }
                return count;
            case FLOAT64:
                for (int i = 0; i < count; i++) {
                    dst[off + i] = (float) float64(i);
                }
                return count;
            case INT32:
                for (int i = 0; i < count; i++) {
                    dst[off + i] = i32[i];
                }
                return count;
            default:
                throw new IllegalStateException("not a numeric tensor: " + type);
        }
    }

    /**
     * Copies the values into {@code dst} at {@code off}, widened to double; returns how many.
     *
     * @param dst array receiving the values at {@code dst[off, off + size())}; owned by the caller
     * @param off index in {@code dst} of the first value
     * @return the number of values copied ({@link #size()})
     * @throws IndexOutOfBoundsException if {@code dst} has no room for {@link #size()} values at {@code off}
     * @throws IllegalStateException if the tensor is {@link TensorType#BYTES} or {@link TensorType#NONE}
     */
    public int copyTo(double[] dst, int off) {
        Objects.checkFromIndexSize(off, count, dst.length);
        switch (type) {
            case FLOAT64:
                if (owned) {
                    System.arraycopy(f64, 0, dst, off, count);
                } else if (count > 0) {
                    owner.doubleView(buf, zcOff).get(zcOff >> 3, dst, off, count);
                }
                return count;
            case FLOAT32:
            case INT32:
                for (int i = 0; i < count; i++) {
                    dst[off + i] = value(i);
                }
                return count;
            default:
                throw new IllegalStateException("not a numeric tensor: " + type);
        }
    }

    /**
     * Copies the values of an {@link TensorType#INT32} tensor into {@code dst}; returns how many.
     *
     * @param dst array receiving the values at {@code dst[off, off + size())}; owned by the caller
     * @param off index in {@code dst} of the first value
     * @return the number of values copied ({@link #size()})
     * @throws IllegalStateException if the tensor is not int32
     * @throws IndexOutOfBoundsException if {@code dst} has no room for {@link #size()} values at {@code off}
     */
    public int copyTo(int[] dst, int off) {
        expect(TensorType.INT32);
        System.arraycopy(i32, 0, dst, off, count);
        return count;
    }

    /**
     * The values of a float32 tensor as a read-only buffer: a view of the payload when packed (allocates).
     *
     * @return a new zero-based read-only buffer of {@link #size()} values, valid until the record is decoded again
     * @throws IllegalStateException if the tensor is not float32
     */
    public FloatBuffer float32Buffer() {
        expect(TensorType.FLOAT32);
        if (owned) {
            return FloatBuffer.wrap(f32, 0, count).slice().asReadOnlyBuffer();
        }
        return payloadSlice(zcOff, 4 * count).asFloatBuffer();
    }

    /**
     * The values of a float64 tensor as a read-only buffer: a view of the payload when packed (allocates).
     *
     * @return a new zero-based read-only buffer of {@link #size()} values, valid until the record is decoded again
     * @throws IllegalStateException if the tensor is not float64
     */
    public DoubleBuffer float64Buffer() {
        expect(TensorType.FLOAT64);
        if (owned) {
            return DoubleBuffer.wrap(f64, 0, count).slice().asReadOnlyBuffer();
        }
        return payloadSlice(zcOff, 8 * count).asDoubleBuffer();
    }

    private ByteBuffer payloadSlice(int off, int len) {
        if (len == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        return buf.duplicate().clear().position(off).limit(off + len).slice().asReadOnlyBuffer()
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Number of keys (0 for a dense tensor).
     *
     * @return the key count
     */
    public int keyCount() {
        return keyCount;
    }

    /**
     * Key {@code i}, an unsigned 64-bit linear row-major index (compare with {@link Long#compareUnsigned}).
     *
     * @param i key index, {@code 0 <= i < keyCount()}
     * @return the key, as an unsigned value held in a {@code long}
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public long key(int i) {
        Objects.checkIndex(i, keyCount);
        return keys[i];
    }

    /**
     * Copies the keys into {@code dst}; returns how many.
     *
     * @param dst array receiving the unsigned keys at {@code dst[off, off + keyCount())}; owned by the caller
     * @param off index in {@code dst} of the first key
     * @return the number of keys copied ({@link #keyCount()})
     * @throws IndexOutOfBoundsException if {@code dst} has no room for {@link #keyCount()} keys at {@code off}
     */
    public int copyKeys(long[] dst, int off) {
        System.arraycopy(keys, 0, dst, off, keyCount);
        return keyCount;
    }

    /**
     * Number of shape dimensions (0 when absent).
     *
     * @return the length of the shape
     */
    public int shapeSize() {
        return shapeCount;
    }

    /**
     * Dimension {@code i} of the shape (unsigned).
     *
     * @param i dimension index, {@code 0 <= i < shapeSize()}
     * @return the size of dimension {@code i}, as an unsigned value held in a {@code long}
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public long shape(int i) {
        Objects.checkIndex(i, shapeCount);
        return shape[i];
    }

    /**
     * Byte string {@code i} of a {@link TensorType#BYTES} value, as a read-only view of the payload (allocates).
     *
     * @param i byte string index, {@code 0 <= i < size()}
     * @return a new zero-based read-only buffer over the byte string, valid until the record is decoded again
     * @throws IllegalStateException if the value is not {@link TensorType#BYTES}
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public ByteBuffer bytes(int i) {
        expect(TensorType.BYTES);
        Objects.checkIndex(i, bytesCount);
        return buf.duplicate().clear().position(bytesOff[i]).limit(bytesOff[i] + bytesLen[i]).slice()
                .asReadOnlyBuffer();
    }

    /**
     * Whether a {@link TensorType#BYTES} value has a content type.
     *
     * @return {@code true} if the {@code content_type} field is present
     */
    public boolean hasContentType() {
        return ctOff >= 0;
    }

    /**
     * The content type of a {@link TensorType#BYTES} value, or null (allocates a String).
     *
     * @return the decoded UTF-8 {@code content_type}, or {@code null} when absent
     */
    public String contentType() {
        return ctOff < 0 ? null : RecordView.utf8(buf, ctOff, ctLen);
    }

    // ---------------------------------------------------------------- for the encoder

    boolean packedInPayload() {
        return !owned && count > 0 && (type == TensorType.FLOAT32 || type == TensorType.FLOAT64);
    }

    ByteBuffer buffer() {
        return buf;
    }

    int packedOffset() {
        return zcOff;
    }

    int bytesOffset(int i) {
        return bytesOff[i];
    }

    int bytesLength(int i) {
        return bytesLen[i];
    }

    int contentTypeOffset() {
        return ctOff;
    }

    int contentTypeLength() {
        return ctLen;
    }

    private void expect(TensorType t) {
        if (type != t) {
            throw new IllegalStateException("tensor is " + type + ", not " + t);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(type).append('[');
        if (type == TensorType.BYTES) {
            sb.append(bytesCount).append(" byte strings");
            if (ctOff >= 0) {
                sb.append(", ").append(contentType());
            }
        } else if (type != TensorType.NONE) {
            sb.append("values=[");
            for (int i = 0; i < Math.min(count, 8); i++) {
                sb.append(i > 0 ? ", " : "").append(type == TensorType.INT32 ? String.valueOf(int32(i)) : String.valueOf(value(i)));
            }
            sb.append(count > 8 ? ", ... (" + count + ")" : "").append(']');
            if (keyCount > 0) {
                sb.append(", keys=").append(keyCount);
            }
            if (shapeCount > 0) {
                sb.append(", shape=").append(Arrays.toString(Arrays.copyOf(shape, shapeCount)));
            }
        }
        return sb.append(']').toString();
    }
}
