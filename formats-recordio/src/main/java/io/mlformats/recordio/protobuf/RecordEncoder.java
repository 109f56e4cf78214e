package io.mlformats.recordio.protobuf;

import static io.mlformats.recordio.internal.ProtoWire.int32Size;
import static io.mlformats.recordio.internal.ProtoWire.lenFieldSize;
import static io.mlformats.recordio.internal.ProtoWire.varintSize;
import static io.mlformats.recordio.internal.ProtoWire.writeVarint;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Writes {@code aialgs.data.Record} bytes straight into a byte array, in the exact layout protobuf-java's
 * serializer produces: fields in number order, packed repeated scalars (omitted when empty), map entries with
 * key and value always present, present-but-empty tensor messages kept. Sizes are computed first (protobuf
 * length prefixes come before their bodies), then bytes are written once.
 *
 * <p>One instance per writer: it caches float and double views of the output array for bulk copies. Not
 * thread-safe.
 */
final class RecordEncoder {
    static final int TAG_FEATURES = 0x0A;
    static final int TAG_LABEL = 0x12;

    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_LE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] viewArray;
    private final FloatBuffer[] floatViews = new FloatBuffer[4];
    private final DoubleBuffer[] doubleViews = new DoubleBuffer[8];

    static int valueTag(TensorType t) {
        switch (t) {
            case FLOAT32:
                return 0x12;
            case FLOAT64:
                return 0x1A;
            case INT32:
                return 0x3A;
            case BYTES:
                return 0x4A;
            default:
                throw new IllegalArgumentException(String.valueOf(t));
        }
    }

    /** Size of {@code packed field 1} holding {@code bytes} bytes, 0 when empty. */
    static long packedSize(long bytes) {
        return bytes == 0 ? 0 : 1 + varintSize(bytes) + bytes;
    }

    /** Size of a map-entry field (tag + length + entry) with a key of {@code keyLen} bytes and a tensor body. */
    static long entryFieldSize(int keyLen, long tensorLen, boolean hasValueMember) {
        long valueLen = hasValueMember ? 1 + varintSize(tensorLen) + tensorLen : 0;
        long entryLen = lenFieldSize(keyLen) + 1 + varintSize(valueLen) + valueLen;
        return 1 + varintSize(entryLen) + entryLen;
    }

    /** Writes an entry's framing up to the start of the tensor body; returns the index of the body. */
    static int entryHead(byte[] b, int p, int fieldTag, byte[] key, int valueTag, int tensorLen) {
        int valueLen = 1 + varintSize(tensorLen) + tensorLen;
        int entryLen = lenFieldSize(key.length) + 1 + varintSize(valueLen) + valueLen;
        b[p++] = (byte) fieldTag;
        p = writeVarint(b, p, entryLen);
        b[p++] = 0x0A;
        p = writeVarint(b, p, key.length);
        System.arraycopy(key, 0, b, p, key.length);
        p += key.length;
        b[p++] = 0x12;
        p = writeVarint(b, p, valueLen);
        b[p++] = (byte) valueTag;
        return writeVarint(b, p, tensorLen);
    }

    int putFloats(byte[] b, int p, float[] v, int off, int n) {
        if (n > 0) {
            floatView(b, p).put(p >> 2, v, off, n);
        }
        return p + 4 * n;
    }

    int putDoubles(byte[] b, int p, double[] v, int off, int n) {
        if (n > 0) {
            doubleView(b, p).put(p >> 3, v, off, n);
        }
        return p + 8 * n;
    }

    static int putFloat(byte[] b, int p, float v) {
        FLOAT_LE.set(b, p, v);
        return p + 4;
    }

    static int putDouble(byte[] b, int p, double v) {
        DOUBLE_LE.set(b, p, v);
        return p + 8;
    }

    static int putInt32(byte[] b, int p, int v) {
        return v < 0 ? writeVarint(b, p, (long) v) : writeVarint(b, p, v);
    }

    private FloatBuffer floatView(byte[] b, int p) {
        checkArray(b);
        int a = p & 3;
        if (floatViews[a] == null) {
            floatViews[a] = ByteBuffer.wrap(b).position(a).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        }
        return floatViews[a];
    }

    private DoubleBuffer doubleView(byte[] b, int p) {
        checkArray(b);
        int a = p & 7;
        if (doubleViews[a] == null) {
            doubleViews[a] = ByteBuffer.wrap(b).position(a).slice().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        }
        return doubleViews[a];
    }

    private void checkArray(byte[] b) {
        if (b != viewArray) {
            viewArray = b;
            java.util.Arrays.fill(floatViews, null);
            java.util.Arrays.fill(doubleViews, null);
        }
    }

    // ---------------------------------------------------------------- whole records from a view

    static long recordSize(RecordView r) {
        long s = mapSize(r.featureEntries()) + mapSize(r.labelEntries());
        if (r.uidOffset() >= 0) {
            s += lenFieldSize(r.uidLength());
        }
        if (r.metadataOffset() >= 0) {
            s += lenFieldSize(r.metadataLength());
        }
        if (r.configurationOffset() >= 0) {
            s += lenFieldSize(r.configurationLength());
        }
        return s;
    }

    private static long mapSize(RecordView.Entries e) {
        long s = 0;
        for (int i = 0; i < e.count; i++) {
            TensorView t = e.tensors[i];
            s += entryFieldSize(e.keyLen[i], t.type == TensorType.NONE ? 0 : tensorSize(t), t.type != TensorType.NONE);
        }
        return s;
    }

    static long tensorSize(TensorView t) {
        if (t.type == TensorType.BYTES) {
            long s = 0;
            for (int i = 0; i < t.size(); i++) {
                s += lenFieldSize(t.bytesLength(i));
            }
            if (t.hasContentType()) {
                s += lenFieldSize(t.contentTypeLength());
            }
            return s;
        }
        return packedSize(valuesBytes(t)) + packedSize(keysBytes(t)) + packedSize(shapeBytes(t));
    }

    private static long valuesBytes(TensorView t) {
        switch (t.type) {
            case FLOAT32:
                return 4L * t.size();
            case FLOAT64:
                return 8L * t.size();
            default:
                long s = 0;
                for (int i = 0; i < t.size(); i++) {
                    s += int32Size(t.int32(i));
                }
                return s;
        }
    }

    private static long keysBytes(TensorView t) {
        long s = 0;
        for (int i = 0; i < t.keyCount(); i++) {
            s += varintSize(t.key(i));
        }
        return s;
    }

    private static long shapeBytes(TensorView t) {
        long s = 0;
        for (int i = 0; i < t.shapeSize(); i++) {
            s += varintSize(t.shape(i));
        }
        return s;
    }

    /** Writes the record {@code r} at {@code b[p]}; returns the index after it. */
    int writeRecord(byte[] b, int p, RecordView r) {
        p = writeMap(b, p, TAG_FEATURES, r.featureEntries());
        p = writeMap(b, p, TAG_LABEL, r.labelEntries());
        ByteBuffer src = r.payloadBuffer();
        p = writeString(b, p, 0x1A, src, r.uidOffset(), r.uidLength());
        p = writeString(b, p, 0x22, src, r.metadataOffset(), r.metadataLength());
        return writeString(b, p, 0x2A, src, r.configurationOffset(), r.configurationLength());
    }

    private static int writeString(byte[] b, int p, int tag, ByteBuffer src, int at, int n) {
        if (at < 0) {
            return p;
        }
        b[p++] = (byte) tag;
        p = writeVarint(b, p, n);
        src.get(at, b, p, n);
        return p + n;
    }

    private int writeMap(byte[] b, int p, int fieldTag, RecordView.Entries e) {
        for (int i = 0; i < e.count; i++) {
            TensorView t = e.tensors[i];
            ByteBuffer src = t.buffer();
            int keyLen = e.keyLen[i];
            boolean member = t.type != TensorType.NONE;
            int tensorLen = member ? (int) tensorSize(t) : 0;
            int valueLen = member ? 1 + varintSize(tensorLen) + tensorLen : 0;
            int entryLen = lenFieldSize(keyLen) + 1 + varintSize(valueLen) + valueLen;
            b[p++] = (byte) fieldTag;
            p = writeVarint(b, p, entryLen);
            b[p++] = 0x0A;
            p = writeVarint(b, p, keyLen);
            src.get(e.keyOff[i], b, p, keyLen);
            p += keyLen;
            b[p++] = 0x12;
            p = writeVarint(b, p, valueLen);
            if (member) {
                b[p++] = (byte) valueTag(t.type);
                p = writeVarint(b, p, tensorLen);
                p = writeTensorBody(b, p, t);
            }
        }
        return p;
    }

    private int writeTensorBody(byte[] b, int p, TensorView t) {
        if (t.type == TensorType.BYTES) {
            for (int i = 0; i < t.size(); i++) {
                b[p++] = 0x0A;
                p = writeVarint(b, p, t.bytesLength(i));
                t.buffer().get(t.bytesOffset(i), b, p, t.bytesLength(i));
                p += t.bytesLength(i);
            }
            if (t.hasContentType()) {
                b[p++] = 0x12;
                p = writeVarint(b, p, t.contentTypeLength());
                t.buffer().get(t.contentTypeOffset(), b, p, t.contentTypeLength());
                p += t.contentTypeLength();
            }
            return p;
        }
        int n = t.size();
        long vb = valuesBytes(t);
        if (n > 0) {
            b[p++] = 0x0A;
            p = writeVarint(b, p, vb);
            if (t.packedInPayload()) {
                t.buffer().get(t.packedOffset(), b, p, (int) vb);
                p += (int) vb;
            } else if (t.type == TensorType.FLOAT32) {
                for (int i = 0; i < n; i++) {
                    p = putFloat(b, p, t.float32(i));
                }
            } else if (t.type == TensorType.FLOAT64) {
                for (int i = 0; i < n; i++) {
                    p = putDouble(b, p, t.float64(i));
                }
            } else {
                for (int i = 0; i < n; i++) {
                    p = putInt32(b, p, t.int32(i));
                }
            }
        }
        if (t.keyCount() > 0) {
            b[p++] = 0x12;
            p = writeVarint(b, p, keysBytes(t));
            for (int i = 0; i < t.keyCount(); i++) {
                p = writeVarint(b, p, t.key(i));
            }
        }
        if (t.shapeSize() > 0) {
            b[p++] = 0x1A;
            p = writeVarint(b, p, shapeBytes(t));
            for (int i = 0; i < t.shapeSize(); i++) {
                p = writeVarint(b, p, t.shape(i));
            }
        }
        return p;
    }
}
