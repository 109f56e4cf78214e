package io.mlformats.recordio.protobuf;

import com.google.protobuf.ByteString;
import io.mlformats.recordio.protobuf.generated.RecordProtos;
import java.util.SplittableRandom;

/** Seeded generators of arbitrary {@code aialgs.data.Record} messages, for the codec-vs-protobuf-java properties. */
public final class RecordGen {
    private static final String[] NAMES = {"values", "", "source", "target", "score", "predicted_label", "ü-ñ", "日本",
        "a", "closest_cluster"};

    private RecordGen() {
    }

    public static RecordProtos.Record record(SplittableRandom r) {
        RecordProtos.Record.Builder b = RecordProtos.Record.newBuilder();
        int nf = r.nextInt(4);
        for (int i = 0; i < nf; i++) {
            b.putFeatures(name(r), value(r));
        }
        int nl = r.nextInt(3);
        for (int i = 0; i < nl; i++) {
            b.putLabel(name(r), value(r));
        }
        if (r.nextInt(4) == 0) {
            b.setUid(text(r));
        }
        if (r.nextInt(4) == 0) {
            b.setMetadata(text(r));
        }
        if (r.nextInt(4) == 0) {
            b.setConfiguration(text(r));
        }
        return b.build();
    }

    static String name(SplittableRandom r) {
        return r.nextInt(3) == 0 ? NAMES[r.nextInt(NAMES.length)] + r.nextInt(100) : NAMES[r.nextInt(NAMES.length)];
    }

    static String text(SplittableRandom r) {
        int n = r.nextInt(3) == 0 ? 0 : r.nextInt(200);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(r.nextInt(10) == 0 ? (char) (0x100 + r.nextInt(0x2000)) : (char) (0x20 + r.nextInt(0x5f)));
        }
        return sb.toString();
    }

    public static RecordProtos.Value value(SplittableRandom r) {
        RecordProtos.Value.Builder v = RecordProtos.Value.newBuilder();
        int n = r.nextInt(5) == 0 ? 0 : r.nextInt(r.nextBoolean() ? 8 : 300);
        boolean sparse = r.nextInt(3) == 0;
        switch (r.nextInt(9)) {
            case 0:
                return v.build();
            case 1: {
                RecordProtos.Bytes.Builder bb = RecordProtos.Bytes.newBuilder();
                for (int i = 0; i < r.nextInt(4); i++) {
                    byte[] a = new byte[r.nextInt(40)];
                    r.nextBytes(a);
                    bb.addValue(ByteString.copyFrom(a));
                }
                if (r.nextBoolean()) {
                    bb.setContentType(text(r));
                }
                return v.setBytes(bb).build();
            }
            case 2:
            case 3: {
                RecordProtos.Float64Tensor.Builder t = RecordProtos.Float64Tensor.newBuilder();
                for (int i = 0; i < n; i++) {
                    t.addValues(doubleValue(r));
                }
                keysAndShape(r, n, sparse, t::addKeys, t::addShape);
                return v.setFloat64Tensor(t).build();
            }
            case 4: {
                RecordProtos.Int32Tensor.Builder t = RecordProtos.Int32Tensor.newBuilder();
                for (int i = 0; i < n; i++) {
                    t.addValues(r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(200) - 100);
                }
                keysAndShape(r, n, sparse, t::addKeys, t::addShape);
                return v.setInt32Tensor(t).build();
            }
            default: {
                RecordProtos.Float32Tensor.Builder t = RecordProtos.Float32Tensor.newBuilder();
                for (int i = 0; i < n; i++) {
                    t.addValues(floatValue(r));
                }
                keysAndShape(r, n, sparse, t::addKeys, t::addShape);
                return v.setFloat32Tensor(t).build();
            }
        }
    }

    static float floatValue(SplittableRandom r) {
        switch (r.nextInt(6)) {
            case 0:
                return Float.intBitsToFloat(r.nextInt());
            case 1:
                return Float.intBitsToFloat(0xCED7230A);
            case 2:
                return r.nextInt(5) - 2;
            default:
                return (float) r.nextGaussian();
        }
    }

    static double doubleValue(SplittableRandom r) {
        switch (r.nextInt(4)) {
            case 0:
                return Double.longBitsToDouble(r.nextLong());
            case 1:
                return r.nextInt(5) - 2;
            default:
                return r.nextGaussian();
        }
    }

    interface LongSink {
        Object add(long v);
    }

    static void keysAndShape(SplittableRandom r, int n, boolean sparse, LongSink keys, LongSink shape) {
        if (sparse) {
            for (int i = 0; i < n; i++) {
                keys.add(r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(1_000_000));
            }
        }
        int dims = r.nextInt(sparse ? 3 : 2) + (sparse ? 1 : 0);
        for (int i = 0; i < dims; i++) {
            shape.add(r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(2_000_000));
        }
    }
}
